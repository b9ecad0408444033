package dev.switchboard.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens for thousands of bench users without thousands of BCrypt logins (each costs
 * tens of milliseconds of server CPU, minutes in all). One user logs in through
 * {@code POST /auth/token}; its token is the template: the same header and claims with another
 * subject and token id, signed with the server's secret (the run script sets it). The server
 * verifies every minted token as it verifies its own, so requests take the same path.
 */
final class Tokens {
  private final String header;
  private final String claims;
  private final String templateSubject;
  private final byte[] secret;

  Tokens(String templateToken, String secret) {
    String[] parts = templateToken.split("\\.");
    this.header = parts[0];
    this.claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    this.templateSubject = Json.field(claims, "sub");
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  String forUser(String userId) {
    String mine =
        claims
            .replace("\"sub\":\"" + templateSubject + "\"", "\"sub\":" + Json.quote(userId))
            .replaceFirst("\"jti\":\"[^\"]*\"", "\"jti\":\"" + UUID.randomUUID() + "\"");
    String payload =
        Base64.getUrlEncoder().withoutPadding().encodeToString(mine.getBytes(StandardCharsets.UTF_8));
    String signingInput = header + "." + payload;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
