package dev.switchboard.api.netsapiens;

import static dev.switchboard.api.netsapiens.NsLogin.field;

import dev.switchboard.access.ScopedAccess;
import dev.switchboard.access.TokenOwner;
import dev.switchboard.access.TokenPair;
import dev.switchboard.access.TokenService;
import dev.switchboard.api.netsapiens.NsDtos.JwtClaims;
import dev.switchboard.api.netsapiens.NsDtos.JwtPair;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JWTs: Switchboard's one signed access token and its refresh token under NetSapiens' names
 * ({@code token}, {@code refresh}). Revocation ends the token's session (its refresh family):
 * ns-api revokes one token, we revoke the login it belongs to, which includes that token.
 */
@RestController
@Tag(name = "NetSapiens auth", description = "ns-api v2 access tokens and JWTs")
class NsJwtController {
  private final TokenService tokens;
  private final TenantService tenants;
  private final UserService users;
  private final ScopedAccess access;
  private final NsLogin login;
  private final JsonMapper json;
  private final Clock clock;

  NsJwtController(TokenService tokens, TenantService tenants, UserService users,
      ScopedAccess access, NsLogin login, JsonMapper json, Clock clock) {
    this.tokens = tokens;
    this.tenants = tenants;
    this.users = users;
    this.access = access;
    this.login = login;
    this.json = json;
    this.clock = clock;
  }

  @PostMapping(path = "/ns-api/v2/jwt", headers = "!Authorization")
  @Operation(summary = "JWT pair: password fields, or {\"refresh\": …}; MFA grants are 400")
  @ApiResponse(responseCode = "200", description = "The pair")
  @ApiResponse(responseCode = "400", description = "Missing fields, or an MFA grant")
  @ApiResponse(responseCode = "401", description = "Wrong credentials or refresh token")
  JwtPair create(@RequestBody Map<String, Object> body) {
    login.refuseMfa(field(body, "grant_type"), field(body, "mfa_type"),
        field(body, "mfa_vendor"), field(body, "passcode"));
    String refresh = field(body, "refresh") != null ? field(body, "refresh")
        : field(body, "refresh_token");
    TokenPair pair;
    if (refresh != null) {
      pair = tokens.refresh(refresh);
    } else if (field(body, "username") == null && field(body, "user") != null) {
      throw DomainException.unauthenticated(
          "Authentication Required: a delegated JWT needs an API key as Bearer");
    } else {
      login.checkClient(field(body, "client_id"), field(body, "client_secret"));
      pair = login.login(field(body, "username"), field(body, "password"));
    }
    return new JwtPair(pair.accessToken(), pair.refreshToken());
  }

  @PostMapping(path = "/ns-api/v2/jwt", headers = "Authorization")
  @Operation(summary = "Delegated JWT for {user, domain} (Bearer: an API key that may act as"
      + " that user); with other bodies, as without Authorization")
  @ApiResponse(responseCode = "200", description = "The pair for the named user")
  @ApiResponse(responseCode = "403", description = "Not an API key, or may not act as the user")
  @ApiResponse(responseCode = "404", description = "No such user")
  JwtPair delegate(@Parameter(hidden = true) NsCaller caller, @RequestBody Map<String, Object> body) {
    String user = field(body, "user");
    if (user == null || field(body, "username") != null || field(body, "refresh") != null) {
      return create(body);
    }
    String domain = field(body, "domain");
    if (domain == null || domain.isBlank() || user.isBlank()) {
      throw DomainException.invalid("user and domain are required");
    }
    if (caller.key() == null) {
      throw DomainException.forbidden("Delegated access requires an API key");
    }
    TokenPair pair = tokens.delegate(access.actAs(caller.actor(), domain, user));
    return new JwtPair(pair.accessToken(), pair.refreshToken());
  }

  @GetMapping("/ns-api/v2/jwt")
  @Operation(summary = "The claims of the presented JWT")
  JwtClaims claims(@Parameter(hidden = true) NsCaller caller) {
    JsonNode claims = claimsOf(caller);
    Actor actor = caller.actor();
    long exp = claims.path("exp").asLong();
    User user = users.get(actor.tenantId(), actor.userId());
    return new JwtClaims(
        "",
        exp,
        claims.path("iat").asLong(),
        claims.path("iss").asString(),
        claims.path("jti").asString(),
        NsFormat.uid(actor.userId(), actor.domain()),
        Math.max(0, exp * 1000 - clock.millis()),
        actor.domain(),
        tenants.resellerOf(actor.tenantId()).orElse(""),
        actor.userId(),
        NsTokenController.email(users, actor),
        actor.scope().label(),
        NsTokenController.displayName(user),
        NsTokenController.API_VERSION);
  }

  @DeleteMapping("/ns-api/v2/jwt")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Revoke the presented JWT (its session and refresh token)")
  @ApiResponse(responseCode = "202", description = "Revoked")
  @ApiResponse(responseCode = "400", description = "The bearer is an API key")
  NetSapiensErrors.ErrorResponse revokeMine(@Parameter(hidden = true) NsCaller caller) {
    String jti = claimsOf(caller).path("jti").asString();
    tokens.revokeSession(tokens.ownerOfJti(jti)
        .orElseThrow(() -> DomainException.notFound("JWT " + jti)));
    return NsDtos.ACCEPTED;
  }

  /**
   * {@code DELETE /jwt/{uid}} and {@code DELETE /jwt/{jti}} share one path: a {@code uid} is
   * {@code user@domain} and always has an {@code @}; our token ids never do.
   */
  @DeleteMapping("/ns-api/v2/jwt/{uidOrJti}")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Revoke every JWT of a user (uid: user@domain) or one JWT by its jti")
  @ApiResponse(responseCode = "202", description = "Revoked")
  @ApiResponse(responseCode = "403", description = "The caller may not act for that user")
  @ApiResponse(responseCode = "404", description = "No such user or token")
  NetSapiensErrors.ErrorResponse revoke(
      @Parameter(hidden = true) NsCaller caller, @PathVariable String uidOrJti) {
    int at = uidOrJti.lastIndexOf('@');
    if (at >= 0) {
      Actor target = access.actAs(caller.actor(), uidOrJti.substring(at + 1),
          uidOrJti.substring(0, at));
      tokens.revokeTokensOf(target.tenantId(), target.userId());
      return NsDtos.ACCEPTED;
    }
    TokenOwner owner = tokens.ownerOfJti(uidOrJti)
        .orElseThrow(() -> DomainException.notFound("JWT " + uidOrJti));
    String domain = tenants.findById(owner.tenantId())
        .orElseThrow(() -> DomainException.notFound("JWT " + uidOrJti)).name();
    try {
      access.actAs(caller.actor(), domain, owner.userId());
    } catch (DomainException e) {
      // Someone else's token answers like an unknown one: token ids cannot be probed.
      if (e.code() == ErrorCode.FORBIDDEN || e.code() == ErrorCode.NOT_FOUND) {
        throw DomainException.notFound("JWT " + uidOrJti);
      }
      throw e;
    }
    tokens.revokeSession(owner);
    return NsDtos.ACCEPTED;
  }

  private JsonNode claimsOf(NsCaller caller) {
    if (caller.key() != null) {
      throw DomainException.invalid("the bearer is an API key, not a JWT");
    }
    String[] parts = caller.bearer().split("\\.");
    return json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
  }
}
