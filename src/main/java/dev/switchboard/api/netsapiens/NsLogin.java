package dev.switchboard.api.netsapiens;

import dev.switchboard.access.TokenPair;
import dev.switchboard.access.TokenService;
import dev.switchboard.shared.DomainException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What {@code /tokens} and {@code /jwt} share: the OAuth client check (ADR 0007), the password
 * login of {@code user@domain}, and the refusal of MFA grants (ADR 0023): Switchboard has no
 * second factors, so a request that carries one is refused rather than logged in without it.
 */
@Component
class NsLogin {
  static final String MFA_REFUSED =
      "Multi-factor authentication is not supported by this server: sign in with grant_type"
          + " password and without mfa_type, mfa_vendor or passcode";

  private final TokenService tokens;
  private final Counter mfaRefused;
  private final String clientId;
  private final String clientSecret;

  NsLogin(
      TokenService tokens,
      MeterRegistry registry,
      @Value("${switchboard.netsapiens.client-id:}") String clientId,
      @Value("${switchboard.netsapiens.client-secret:}") String clientSecret) {
    this.tokens = tokens;
    this.mfaRefused = Counter.builder("switchboard.netsapiens.mfa.refused")
        .description("NetSapiens logins refused because they carried a second factor (ADR 0023)")
        .register(registry);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /**
   * Refuses the MFA grant and any second-factor field, before anything else is looked at: a
   * passcode a client sent is never silently ignored.
   */
  void refuseMfa(String grant, String mfaType, String mfaVendor, String passcode) {
    if ("mfa".equals(grant) || mfaType != null || mfaVendor != null || passcode != null) {
      mfaRefused.increment();
      throw DomainException.invalid(MFA_REFUSED);
    }
  }

  /** {@code user@domain}; without a domain part, the default domain. */
  TokenPair login(String username, String password) {
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
  void checkClient(String client, String secret) {
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

  /** A string field of a JSON body; another JSON type is a 400. */
  static String field(Map<String, Object> body, String name) {
    Object value = body == null ? null : body.get(name);
    if (value != null && !(value instanceof String)) {
      throw DomainException.invalid(name + " must be a string");
    }
    return (String) value;
  }

  /** The address of the client making the current request (for the login throttle). */
  private static String clientAddress() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
        .getRequest()
        .getRemoteAddr();
  }
}
