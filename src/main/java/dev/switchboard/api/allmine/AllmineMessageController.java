package dev.switchboard.api.allmine;

import dev.switchboard.api.allmine.AllmineDtos.ChatMessagesPage;
import dev.switchboard.api.allmine.AllmineDtos.MediaView;
import dev.switchboard.api.allmine.AllmineDtos.AllmineMessageView;
import dev.switchboard.api.allmine.AllmineDtos.ReadReceipt;
import dev.switchboard.api.allmine.AllmineDtos.SendMessageRequest;
import dev.switchboard.conversation.ConversationService;
import dev.switchboard.conversation.Member;
import dev.switchboard.file.Upload;
import dev.switchboard.message.ChatHistory;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageService;
import dev.switchboard.message.PostedMessage;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Allmine messages", description = "Allmine-compatible chat messages")
@SecurityRequirement(name = "bearerToken")
class AllmineMessageController {
  private final MessageService messages;
  private final ConversationService conversations;
  private final UserService users;
  private final AllmineMedia media;
  private final Clock clock;

  AllmineMessageController(
      MessageService messages,
      ConversationService conversations,
      UserService users,
      AllmineMedia media,
      Clock clock) {
    this.messages = messages;
    this.conversations = conversations;
    this.users = users;
    this.media = media;
    this.clock = clock;
  }

  /** v1 and v2 take the same body and answer the same message object. */
  @PostMapping(
      path = {"/api/v2/messages", "/api/v1/messages"},
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Send a new message (v2; v1 is the same)")
  @ApiResponse(responseCode = "201", description = "Sent (or the replay of the message with the same Idempotency-Key)")
  ResponseEntity<AllmineEnvelope<AllmineMessageView>> send(
      @Parameter(hidden = true) Actor actor,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody SendMessageRequest body) {
    // The documented file field names a file only when it is the id of one already uploaded.
    String fileId = Ids.isId(body.file()) ? body.file() : null;
    return created(actor, messages.post(actor, AllmineMessageRequests.post(body.chatId(),
        body.targetUserId(), body.type(), body.content(), fileId, null), idempotencyKey));
  }

  /** The same, with the media file as the {@code file} part; its type is detected from the bytes. */
  @PostMapping(
      path = {"/api/v2/messages", "/api/v1/messages"},
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Send a media message (image, video, audio, file) with its file")
  @ApiResponse(responseCode = "201", description = "Sent (or the replay of the message with the same Idempotency-Key)")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
      schema = @Schema(implementation = AllmineDtos.MediaMessageForm.class)))
  ResponseEntity<AllmineEnvelope<AllmineMessageView>> sendWithFile(
      @Parameter(hidden = true) Actor actor,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Parameter(hidden = true) @RequestParam(required = false) String type,
      @Parameter(hidden = true) @RequestParam(required = false) String chatId,
      @Parameter(hidden = true) @RequestParam(required = false) String targetUserId,
      @Parameter(hidden = true) @RequestParam(required = false) String content,
      @Parameter(hidden = true) @RequestPart(name = "file", required = false) MultipartFile file)
      throws IOException {
    if (file == null) {
      return created(actor, messages.post(actor, AllmineMessageRequests.post(
          chatId, targetUserId, type, content, null, null), idempotencyKey));
    }
    try (InputStream bytes = file.getInputStream()) {
      Upload upload = new Upload(bytes, file.getOriginalFilename(), file.getContentType());
      return created(actor, messages.post(actor, AllmineMessageRequests.post(
          chatId, targetUserId, type, content, null, upload), idempotencyKey));
    }
  }

  private ResponseEntity<AllmineEnvelope<AllmineMessageView>> created(Actor actor, PostedMessage posted) {
    Message message = posted.message();
    // readBy of a message just posted is empty: no other member's cursor can have reached a
    // sequence number that was not committed yet. Only a replay (an earlier message) needs the
    // members' cursors, which saves the common send a second transaction of three queries.
    List<Member> members =
        posted.replayed() ? conversations.members(actor, message.conversationId()) : List.of();
    AllmineMessageView view = AllmineMapper.message(message, members, media.of(actor, List.of(message)));
    return ResponseEntity.status(HttpStatus.CREATED).body(AllmineEnvelope.ok(201, view, clock.instant()));
  }

  @GetMapping("/api/v1/messages/chat/{chatId}")
  @Operation(summary = "List messages in a chat room, newest first")
  AllmineEnvelope<ChatMessagesPage> list(
      @Parameter(hidden = true) Actor actor,
      @PathVariable String chatId,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "20") int limit) {
    PageRequest request = new PageRequest(page, limit);
    ChatHistory history = messages.history(actor, chatId, request);
    Map<String, User> people =
        users.byUserId(actor.tenantId(), history.members().stream().map(Member::userId).toList());
    Map<String, MediaView> files = media.of(actor, history.messages());
    List<AllmineMessageView> views =
        history.messages().stream()
            .map(m -> AllmineMapper.message(m, history.members(), files))
            .toList();
    return AllmineEnvelope.ok(
        200,
        new ChatMessagesPage(
            views,
            AllmineMapper.participants(history.members(), people),
            page,
            limit,
            history.total()),
        clock.instant());
  }

  @PostMapping("/api/v1/messages/chat/{chatId}/read")
  @Operation(summary = "Mark every message of the chat read for the caller")
  AllmineEnvelope<ReadReceipt> markRead(
      @Parameter(hidden = true) Actor actor, @PathVariable String chatId) {
    conversations.markAllRead(actor, chatId);
    return AllmineEnvelope.ok(200, new ReadReceipt(chatId, 0), clock.instant());
  }
}
