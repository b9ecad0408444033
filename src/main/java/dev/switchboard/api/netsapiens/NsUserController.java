package dev.switchboard.api.netsapiens;

import dev.switchboard.access.ScopedAccess;
import dev.switchboard.api.netsapiens.NsDtos.NewUserRequest;
import dev.switchboard.api.netsapiens.NsDtos.PublicUserView;
import dev.switchboard.api.netsapiens.NsDtos.UserView;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Scope;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.user.NewUser;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users of a domain: provisioning and listing for Office Managers and above, one user for
 * himself or his managers, and the domain's directory ({@code users/list}) for every user of it.
 */
@RestController
@Tag(name = "NetSapiens users", description = "ns-api v2 users")
class NsUserController {
  private final ScopedAccess access;
  private final UserService users;
  private final NsUserDirectory directory;

  NsUserController(ScopedAccess access, UserService users, NsUserDirectory directory) {
    this.access = access;
    this.users = users;
    this.directory = directory;
  }

  @GetMapping("/ns-api/v2/domains/{domain}/users")
  @Operation(summary = "The domain's users, by user id")
  List<UserView> list(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") long start) {
    Tenant tenant = access.manage(caller.actor(), domain);
    List<User> page = users.list(tenant.id(), limit, NsPaging.offset(start));
    Map<String, String> emails = users.emails(tenant.id(), page.stream().map(User::userId).toList());
    return page.stream().map(u -> view(u, tenant.name(), emails.get(u.userId()))).toList();
  }

  @GetMapping("/ns-api/v2/domains/{domain}/users/{user}")
  @Operation(summary = "One user (~/~: the caller); a Basic User reads only himself")
  @ApiResponse(responseCode = "200", description = "The user")
  @ApiResponse(responseCode = "403", description = "Another user without the scope to manage him")
  @ApiResponse(responseCode = "404", description = "No such user")
  UserView get(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @PathVariable String user) {
    Actor target = access.actAs(caller.actor(), domain, user);
    User found = users.get(target.tenantId(), target.userId());
    // No address: no email key (NsTokenController.email's "" is for the token's string claim).
    String email = users.emails(target.tenantId(), List.of(target.userId())).get(target.userId());
    return view(found, target.domain(), email);
  }

  @GetMapping("/ns-api/v2/domains/{domain}/users/list")
  @Operation(summary = "The domain's directory (PublicUserInfo), for every user of the domain")
  @ApiResponse(responseCode = "200", description = "The directory",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = PublicUserView.class))))
  @ApiResponse(responseCode = "400", description = "Unknown field in fields, or bad paging")
  @ApiResponse(responseCode = "403", description = "Domain not found or access denied")
  List<?> directory(
      @Parameter(hidden = true) NsCaller caller,
      @PathVariable String domain,
      @Parameter(description = "Comma-separated PublicUserInfo fields to return (default: all)")
          @RequestParam(required = false) String fields,
      @RequestParam(defaultValue = "1000") int limit,
      @RequestParam(defaultValue = "0") long start) {
    Tenant tenant = access.readDirectory(caller.actor(), domain);
    return directory.list(tenant, fields, limit, NsPaging.offset(start));
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
        new NewUser(body.user(), name.isEmpty() ? null : name, body.password(), body.userScope()),
        body.email());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(NsDtos.ACCEPTED);
  }

  private static UserView view(User user, String domain, String email) {
    NsUserDirectory.PersonName name = NsUserDirectory.PersonName.of(user);
    return new UserView(
        user.userId(),
        domain,
        name.first(),
        name.last(),
        email,
        user.scope().label(),
        NsFormat.dateTime(user.createdAt()));
  }
}
