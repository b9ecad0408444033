package dev.switchboard.api.netsapiens;

import dev.switchboard.access.TokenPair;
import dev.switchboard.access.TokenService;
import dev.switchboard.api.netsapiens.NsDtos.AccessToken;
import dev.switchboard.api.netsapiens.NsDtos.JwtClaims;
import dev.switchboard.api.netsapiens.NsDtos.JwtPair;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth-style tokens and JWTs. Both are Switchboard's one signed access token; a JWT pair is
 * the same token and its refresh token under NetSapiens' other names.
 */
@RestController
@Tag(name = "NetSapiens auth", description = "ns-api v2 access tokens and JWTs")
class NsTokenController {
  static final String API_VERSION = "v2";

  private final TokenService tokens;
  private final TenantService tenants;
  private final UserService users;
  private final JsonMapper json;
  private final Clock clock;
  private final String clientId;
  private final String clientSecret;

  NsTokenController(
      TokenService tokens,
      TenantService tenants,
      UserService users,
      JsonMapper json,
      Clock clock,
      @Value("${switchboard.netsapiens.client-id:}") String clientId,
      @Value("${switchboard.netsapiens.client-secret:}") String clientSecret) {
    this.tokens = tokens;
    this.tenants = tenants;
    this.users = users;
    this.json = json;
    this.clock = clock;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  @PostMapping(path = "/ns-api/v2/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Access token: password or refresh_token grant (JSON)")
  AccessToken tokenJson(@RequestBody Map<String, Object> body) {
    return token(field(body, "grant_type"), field(body, "client_id"), field(body, "client_secret"),
        field(body, "username"), field(body, "password"), field(body, "refresh_token"));
  }

  @PostMapping(path = "/ns-api/v2/tokens", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Operation(summary = "Access token: password or refresh_token grant (form-encoded)")
  AccessToken tokenForm(@RequestParam MultiValueMap<String, String> form) {
    return token(form.getFirst("grant_type"), form.getFirst("client_id"),
        form.getFirst("client_secret"), form.getFirst("username"), form.getFirst("password"),
        form.getFirst("refresh_token"));
  }

  @PostMapping("/ns-api/v2/jwt")
  @Operation(summary = "JWT pair for a user (password grant fields)")
  JwtPair jwt(@RequestBody Map<String, Object> body) {
    checkClient(field(body, "client_id"), field(body, "client_secret"));
    TokenPair pair = login(field(body, "username"), field(body, "password"));
    return new JwtPair(pair.accessToken(), pair.refreshToken());
  }

  @GetMapping("/ns-api/v2/jwt")
  @Operation(summary = "The claims of the presented JWT")
  JwtClaims claims(@Parameter(hidden = true) NsCaller caller) {
    if (caller.key() != null) {
      throw DomainException.invalid("the bearer is an API key, not a JWT");
    }
    Actor actor = caller.actor();
    JsonNode claims = json.readTree(payload(caller.bearer()));
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
        "",
        actor.scope().label(),
        displayName(user),
        API_VERSION);
  }

  private AccessToken token(String grant, String client, String secret, String username,
      String password, String refreshToken) {
    checkClient(client, secret);
    TokenPair pair;
    if ("password".equals(grant)) {
      pair = login(username, password);
    } else if ("refresh_token".equals(grant)) {
      pair = tokens.refresh(refreshToken);
    } else {
      throw DomainException.invalid("grant_type must be password or refresh_token");
    }
    Actor actor = tokens.verify(pair.accessToken());
    User user = users.get(actor.tenantId(), actor.userId());
    String uid = NsFormat.uid(actor.userId(), actor.domain());
    return new AccessToken(uid, actor.userId(), tenants.resellerOf(actor.tenantId()).orElse(""),
        actor.domain(), "", "", "", uid, uid, actor.scope().label(), "", displayName(user),
        pair.accessToken(), pair.expiresInSeconds(), "Bearer", pair.refreshToken(),
        client == null ? "" : client, API_VERSION);
  }

  /** {@code user@domain}; without a domain part, the default domain. */
  private TokenPair login(String username, String password) {
    if (username == null || username.isBlank() || password == null) {
      throw DomainException.invalid("username and password are required");
    }
    int at = username.lastIndexOf('@');
    return at < 0
        ? tokens.login(null, username, password, clientAddress())
        : tokens.login(
            username.substring(at + 1), username.substring(0, at), password, clientAddress());
  }

  /**
   * With {@code switchboard.netsapiens.client-secret} set, the client must present that id and
   * secret; without it any client id is accepted (ADR 0007).
   */
  private void checkClient(String client, String secret) {
    if (clientSecret.isEmpty()) {
      return;
    }
    boolean ok =
        client != null
            && secret != null
            && client.equals(clientId)
            && MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8),
                clientSecret.getBytes(StandardCharsets.UTF_8));
    if (!ok) {
      throw DomainException.unauthenticated("Invalid client_id or client_secret");
    }
  }

  private static String field(Map<String, Object> body, String name) {
    Object value = body == null ? null : body.get(name);
    if (value != null && !(value instanceof String)) {
      throw DomainException.invalid(name + " must be a string");
    }
    return (String) value;
  }

  private static String payload(String jwt) {
    String[] parts = jwt.split("\\.");
    return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
  }

  static String displayName(User user) {
    return user.displayName() == null ? user.userId() : user.displayName();
  }

  /** The address of the client making the current request (for the login throttle). */
  private static String clientAddress() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
        .getRequest()
        .getRemoteAddr();
  }
}
