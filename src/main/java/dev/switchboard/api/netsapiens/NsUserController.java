package dev.switchboard.api.netsapiens;

import dev.switchboard.access.ScopedAccess;
import dev.switchboard.api.netsapiens.NsDtos.NewUserRequest;
import dev.switchboard.api.netsapiens.NsDtos.UserView;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Scope;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.user.NewUser;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users of a domain, enough for a portal to provision extensions (Office Manager and above). */
@RestController
@Tag(name = "NetSapiens users", description = "ns-api v2 users")
class NsUserController {
  private final ScopedAccess access;
  private final UserService users;

  NsUserController(ScopedAccess access, UserService users) {
    this.access = access;
    this.users = users;
  }

  @GetMapping("/ns-api/v2/domains/{domain}/users")
  @Operation(summary = "The domain's users, by user id")
  List<UserView> list(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") long start) {
    Tenant tenant = access.manage(caller.actor(), domain);
    return users.list(tenant.id(), limit, NsPaging.offset(start)).stream()
        .map(u -> view(u, tenant.name()))
        .toList();
  }

  @PostMapping("/ns-api/v2/domains/{domain}/users")
  @Operation(summary = "Create a user (extension) in the domain")
  @ApiResponse(responseCode = "202", description = "Accepted", content = @Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/NetSapiensError")))
  ResponseEntity<Object> create(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @RequestBody NewUserRequest body) {
    Tenant tenant = access.manage(caller.actor(), domain);
    if (body.user() == null || body.user().isBlank()) {
      throw DomainException.invalid("user is required");
    }
    Scope.fromLabel(body.userScope() == null ? "" : body.userScope())
        .ifPresent(scope -> access.checkGrant(caller.actor(), scope));
    String name = String.join(" ",
        body.firstName() == null ? "" : body.firstName(),
        body.lastName() == null ? "" : body.lastName()).trim();
    users.create(tenant.id(),
        new NewUser(body.user(), name.isEmpty() ? null : name, body.password(), body.userScope()));
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(NsDtos.ACCEPTED);
  }

  private static UserView view(User user, String domain) {
    String name = user.displayName() == null ? "" : user.displayName();
    int space = name.indexOf(' ');
    return new UserView(
        user.userId(),
        domain,
        space < 0 ? name : name.substring(0, space),
        space < 0 ? "" : name.substring(space + 1),
        user.scope().label(),
        NsFormat.timestamp(user.createdAt()));
  }
}
