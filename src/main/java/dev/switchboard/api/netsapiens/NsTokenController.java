package dev.switchboard.api.netsapiens;

import static dev.switchboard.api.netsapiens.NsLogin.field;

import dev.switchboard.access.TokenPair;
import dev.switchboard.access.TokenService;
import dev.switchboard.api.netsapiens.NsDtos.AccessToken;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** OAuth-style access tokens: Switchboard's one signed access token under OAuth's names. */
@RestController
@Tag(name = "NetSapiens auth", description = "ns-api v2 access tokens and JWTs")
class NsTokenController {
  static final String API_VERSION = "v2";

  private final TokenService tokens;
  private final TenantService tenants;
  private final UserService users;
  private final NsLogin login;

  NsTokenController(
      TokenService tokens, TenantService tenants, UserService users, NsLogin login) {
    this.tokens = tokens;
    this.tenants = tenants;
    this.users = users;
    this.login = login;
  }

  @PostMapping(path = "/ns-api/v2/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Access token: password or refresh_token grant (JSON); MFA grants are 400")
  @ApiResponse(responseCode = "200", description = "The token")
  @ApiResponse(responseCode = "400", description = "Unknown grant, or an MFA grant (not supported)")
  @ApiResponse(responseCode = "401", description = "Wrong credentials or refresh token")
  AccessToken tokenJson(@RequestBody Map<String, Object> body) {
    login.refuseMfa(field(body, "grant_type"), field(body, "mfa_type"),
        field(body, "mfa_vendor"), field(body, "passcode"));
    return token(field(body, "grant_type"), field(body, "client_id"), field(body, "client_secret"),
        field(body, "username"), field(body, "password"), field(body, "refresh_token"));
  }

  @PostMapping(path = "/ns-api/v2/tokens", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Operation(summary = "Access token: password or refresh_token grant (form-encoded)")
  AccessToken tokenForm(@RequestParam MultiValueMap<String, String> form) {
    login.refuseMfa(form.getFirst("grant_type"), form.getFirst("mfa_type"),
        form.getFirst("mfa_vendor"), form.getFirst("passcode"));
    return token(form.getFirst("grant_type"), form.getFirst("client_id"),
        form.getFirst("client_secret"), form.getFirst("username"), form.getFirst("password"),
        form.getFirst("refresh_token"));
  }

  private AccessToken token(String grant, String client, String secret, String username,
      String password, String refreshToken) {
    login.checkClient(client, secret);
    TokenPair pair;
    if ("password".equals(grant)) {
      pair = login.login(username, password);
    } else if ("refresh_token".equals(grant)) {
      pair = tokens.refresh(refreshToken);
    } else {
      throw DomainException.invalid("grant_type must be password or refresh_token");
    }
    Actor actor = tokens.verify(pair.accessToken());
    User user = users.get(actor.tenantId(), actor.userId());
    String uid = NsFormat.uid(actor.userId(), actor.domain());
    return new AccessToken(uid, actor.userId(), tenants.resellerOf(actor.tenantId()).orElse(""),
        actor.domain(), "", "", "", uid, uid, actor.scope().label(), email(users, actor),
        displayName(user), pair.accessToken(), pair.expiresInSeconds(), "Bearer",
        pair.refreshToken(), client == null ? "" : client, API_VERSION);
  }

  static String displayName(User user) {
    return user.displayName() == null ? user.userId() : user.displayName();
  }

  /** The user's e-mail address, {@code ""} when none is known (the token's claim is a string). */
  static String email(UserService users, Actor actor) {
    return users.emails(actor.tenantId(), List.of(actor.userId())).getOrDefault(actor.userId(), "");
  }
}
