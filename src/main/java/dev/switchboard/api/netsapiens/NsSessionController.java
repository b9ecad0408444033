package dev.switchboard.api.netsapiens;

import dev.switchboard.access.ScopedAccess;
import dev.switchboard.api.netsapiens.NsDtos.MessageSend;
import dev.switchboard.api.netsapiens.NsDtos.SessionUpdate;
import dev.switchboard.api.netsapiens.NsViews.MessageView;
import dev.switchboard.api.netsapiens.NsViews.SessionView;
import dev.switchboard.messagesession.MessageSessionService;
import dev.switchboard.messagesession.SessionMessages;
import dev.switchboard.messagesession.SessionSender;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.tenant.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Message sessions and their messages (the Messages section of ns-api v2). */
@RestController
@Tag(name = "NetSapiens messages", description = "ns-api v2 message sessions")
class NsSessionController {
  private static final String USER_SESSIONS =
      "/ns-api/v2/domains/{domain}/users/{user}/messagesessions";
  private static final String SESSION = USER_SESSIONS + "/{messagesession}";

  private final ScopedAccess access;
  private final MessageSessionService sessions;
  private final SessionSender sender;

  NsSessionController(ScopedAccess access, MessageSessionService sessions, SessionSender sender) {
    this.access = access;
    this.sessions = sessions;
    this.sender = sender;
  }

  @GetMapping("/ns-api/v2/domains/{domain}/messagesessions")
  @Operation(summary = "Every user's sessions in the domain (Office Manager and above)")
  List<SessionView> domainSessions(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") long start) {
    Tenant tenant = access.manage(caller.actor(), domain);
    return sessions.listForDomain(tenant, limit, NsPaging.offset(start)).stream()
        .map(NsMapper::session)
        .toList();
  }

  @GetMapping(USER_SESSIONS)
  @Operation(summary = "A user's sessions, most recent activity first")
  List<SessionView> userSessions(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @PathVariable String user,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") long start) {
    Actor as = access.actAs(caller.actor(), domain, user);
    return sessions.listForUser(as, limit, NsPaging.offset(start)).stream()
        .map(NsMapper::session)
        .toList();
  }

  @GetMapping(SESSION)
  @Operation(summary = "One session (an array of one, as ns-api answers)")
  List<SessionView> session(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @PathVariable String user,
      @PathVariable String messagesession) {
    Actor as = access.actAs(caller.actor(), domain, user);
    return List.of(NsMapper.session(sessions.get(as, messagesession)));
  }

  @GetMapping(SESSION + "/messages")
  @Operation(summary = "A session's messages, newest first")
  List<MessageView> messages(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @PathVariable String user,
      @PathVariable String messagesession,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") long start) {
    Actor as = access.actAs(caller.actor(), domain, user);
    SessionMessages page = sessions.messages(as, messagesession, limit, NsPaging.offset(start));
    return page.messages().stream()
        .map(m -> NsMapper.message(m, as.domain(), page.row().id(), page.members()))
        .toList();
  }

  @PostMapping("/ns-api/v2/domains/{domain}/users/{user}/messages")
  @Operation(summary = "Start a session (server-made id, in the Location header) with a message")
  @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/NetSapiensError")))
  ResponseEntity<Object> start(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @PathVariable String user,
      @RequestBody MessageSend body) {
    Actor as = access.actAs(caller.actor(), domain, user);
    String id = sender.start(as, NsMessageRequests.toCommand(body, as.domain()));
    URI location =
        URI.create("/ns-api/v2/domains/" + as.domain() + "/users/" + as.userId()
            + "/messagesessions/" + id);
    return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(NsDtos.ACCEPTED);
  }

  @PostMapping(SESSION + "/messages")
  @Operation(summary = "Send into a session; a new client-minted id (32+ of [A-Za-z0-9_]) starts it")
  @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/NetSapiensError")))
  ResponseEntity<Object> send(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @PathVariable String user,
      @PathVariable String messagesession,
      @RequestBody MessageSend body) {
    Actor as = access.actAs(caller.actor(), domain, user);
    sender.send(as, messagesession, NsMessageRequests.toCommand(body, as.domain()));
    return accepted();
  }

  @PutMapping(SESSION)
  @Operation(summary = "Set the participants (final list, caller included) or the session name")
  @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/NetSapiensError")))
  ResponseEntity<Object> update(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @PathVariable String user,
      @PathVariable String messagesession,
      @RequestBody SessionUpdate body) {
    Actor as = access.actAs(caller.actor(), domain, user);
    if (body.participants() != null) {
      List<String> ids =
          Arrays.stream(body.participants().split(","))
              .map(String::trim)
              .filter(s -> !s.isEmpty())
              .map(uid -> NsFormat.userOf(uid, as.domain()))
              .toList();
      sessions.setParticipants(as, messagesession, ids);
    } else if (body.sessionName() != null) {
      sessions.rename(as, messagesession, body.sessionName());
    } else {
      throw DomainException.invalid("participants or session-name is required");
    }
    return accepted();
  }

  @PutMapping(SESSION + "/leave")
  @Operation(summary = "Leave a chat session")
  @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/NetSapiensError")))
  ResponseEntity<Object> leave(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @PathVariable String user,
      @PathVariable String messagesession) {
    sessions.leave(access.actAs(caller.actor(), domain, user), messagesession);
    return accepted();
  }

  @DeleteMapping(SESSION)
  @Operation(summary = "Delete the session for this user only")
  @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/NetSapiensError")))
  ResponseEntity<Object> delete(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @PathVariable String user,
      @PathVariable String messagesession) {
    sessions.delete(access.actAs(caller.actor(), domain, user), messagesession);
    return accepted();
  }

  private static ResponseEntity<Object> accepted() {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(NsDtos.ACCEPTED);
  }
}
