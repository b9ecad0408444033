package dev.switchboard.config;

import dev.switchboard.access.AccessProperties;
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
import java.time.Clock;
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
      return new AdminKey(properties.adminKey());
    }
    String key =
        SecretFile.loadOrCreate(
            properties.dataDir().resolve("admin.key"),
            () -> SecretHashes.newSecret("sba_"),
            created ->
                log.warn(
                    "Generated admin key (shown once, stored in {}): {}",
                    properties.dataDir().resolve("admin.key"),
                    created));
    return new AdminKey(key);
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
    return new JwtTokens(secret.getBytes(StandardCharsets.UTF_8), clock, access.accessTtl());
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
