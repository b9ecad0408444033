package dev.switchboard.config;

import dev.switchboard.access.AccessProperties;
import dev.switchboard.idempotency.IdempotencyProperties;
import dev.switchboard.access.AdminKey;
import dev.switchboard.access.DeviceSessions;
import dev.switchboard.access.RefreshTokens;
import dev.switchboard.access.SecretHashes;
import dev.switchboard.access.TokenLiveness;
import dev.switchboard.access.internal.JwtTokens;
import dev.switchboard.access.internal.SecretFile;
import dev.switchboard.shared.Ids;
import dev.switchboard.tenant.TenantService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SwitchboardProperties.class)
class CoreWiring {
  private static final Logger log = LoggerFactory.getLogger(CoreWiring.class);

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Ids ids(Clock clock) {
    return new Ids(clock);
  }

  /** BCrypt today; the {id} prefix in stored hashes lets a later default upgrade them. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  IdempotencyProperties idempotencyProperties(SwitchboardProperties properties) {
    SwitchboardProperties.Idempotency p = properties.idempotency();
    return new IdempotencyProperties(p.ttl(), p.waitForFirst(), p.lease());
  }

  @Bean
  AccessProperties accessProperties(SwitchboardProperties properties) {
    return new AccessProperties(
        properties.tokens().accessTtl(),
        properties.tokens().refreshTtl(),
        properties.tokens().revocationCheck());
  }

  @Bean
  TokenLiveness tokenLiveness(
      DeviceSessions deviceSessions,
      RefreshTokens refreshTokens,
      TenantService tenants,
      AccessProperties access,
      Clock clock) {
    return new TokenLiveness(
        deviceSessions, refreshTokens, tenants, clock, access.revocationCheck());
  }

  @Bean
  AdminKey adminKey(SwitchboardProperties properties) {
    if (hasText(properties.adminKey())) {
      return new AdminKey(properties.adminKey(), properties.previousAdminKeys());
    }
    String key =
        SecretFile.loadOrCreate(
            properties.dataDir().resolve("admin.key"),
            () -> SecretHashes.newSecret("sba_"),
            created -> announceAdminKey(properties.dataDir().resolve("admin.key"), created));
    return new AdminKey(key, properties.previousAdminKeys());
  }

  @Bean
  JwtTokens jwtTokens(SwitchboardProperties properties, AccessProperties access, Clock clock) {
    String secret =
        hasText(properties.jwtSecret())
            ? properties.jwtSecret()
            : SecretFile.loadOrCreate(
                properties.dataDir().resolve("jwt.secret"),
                () -> SecretHashes.newSecret(""),
                created ->
                    log.info(
                        "Generated a token signing secret in {}",
                        properties.dataDir().resolve("jwt.secret")));
    List<byte[]> previous = properties.previousJwtSecrets().stream()
        .filter(CoreWiring::hasText)
        .map(old -> old.strip().getBytes(StandardCharsets.UTF_8))
        .toList();
    JwtTokens tokens =
        new JwtTokens(secret.getBytes(StandardCharsets.UTF_8), previous, clock, access.accessTtl());
    if (!previous.isEmpty()) {
      log.info("Access tokens are signed with the current secret; {} previous secret(s) still"
          + " verify the tokens they signed (switchboard.previous-jwt-secrets)", previous.size());
    }
    return tokens;
  }

  /**
   * The key goes to the console of whoever started the server (stderr), never through the
   * logging system: log files and log shippers are read by others, and a JSON log stays JSON.
   */
  private static void announceAdminKey(Path file, String key) {
    System.err.println("Generated admin key (shown once, stored in " + file + "): " + key);
    System.err.flush();
    log.warn("Generated an admin key into {}; it was printed on the console (stderr) only", file);
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
