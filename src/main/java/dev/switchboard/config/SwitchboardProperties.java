package dev.switchboard.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Everything under {@code switchboard.*} (environment: {@code SWITCHBOARD_*}).
 *
 * @param dataDir where the embedded database and generated secrets live
 * @param adminKey the admin API key; generated into the data directory when absent
 * @param previousAdminKeys keys replaced by a rotation, still accepted until removed
 * @param jwtSecret the token signing secret (≥ 32 bytes); generated when absent
 * @param previousJwtSecrets secrets replaced by a rotation: tokens they signed stay valid until
 *     they expire
 * @param tokens token lifetimes
 * @param maxRequestSize the largest request body accepted on JSON endpoints
 * @param login password-guessing limits: layered limits per (user, client address) and per
 *     client address, e.g. {@code 5/1m,10/15m,20/6h}
 * @param redisUrl Redis for multi-node realtime fan-out; absent runs an in-process bus
 * @param idempotency how long Idempotency-Key outcomes are kept, how long a duplicate waits
 */
@ConfigurationProperties("switchboard")
public record SwitchboardProperties(
    Path dataDir,
    String adminKey,
    List<String> previousAdminKeys,
    String jwtSecret,
    List<String> previousJwtSecrets,
    Tokens tokens,
    DataSize maxRequestSize,
    Login login,
    String redisUrl,
    Idempotency idempotency) {

  public SwitchboardProperties {
    dataDir = dataDir == null ? Path.of("./data") : dataDir;
    previousAdminKeys = previousAdminKeys == null ? List.of() : List.copyOf(previousAdminKeys);
    previousJwtSecrets = previousJwtSecrets == null ? List.of() : List.copyOf(previousJwtSecrets);
    tokens = tokens == null ? new Tokens(null, null, null) : tokens;
    maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
    login = login == null ? new Login(null, null) : login;
    redisUrl = redisUrl == null || redisUrl.isBlank() ? null : redisUrl;
    idempotency = idempotency == null ? new Idempotency(null, null, null) : idempotency;
  }

  /** See {@code idempotency.IdempotencyProperties}: null keeps its default. */
  public record Idempotency(Duration ttl, Duration waitForFirst, Duration lease) {}

  /** Login attempts per (domain, user, client address) and per client address. */
  public record Login(List<String> perUserAndAddress, List<String> perAddress) {
    public Login {
      perUserAndAddress =
          perUserAndAddress == null ? List.of("5/1m", "10/15m", "20/6h") : perUserAndAddress;
      perAddress = perAddress == null ? List.of("30/1m", "300/1h") : perAddress;
    }
  }

  /**
   * Token lifetimes, and how long a node trusts that an access token's session stands before it
   * looks again (the bound within which a revocation reaches every node).
   */
  public record Tokens(Duration accessTtl, Duration refreshTtl, Duration revocationCheck) {}
}
