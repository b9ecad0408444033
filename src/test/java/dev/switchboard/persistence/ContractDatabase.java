package dev.switchboard.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * A migrated database for the storage contracts, behind a small pool as the server has one: a
 * connection per statement would reopen the embedded database's file each time and make the
 * suite slow. Enough connections for the contracts that write from several threads at once.
 */
final class ContractDatabase {
  private static final int CONNECTIONS = 16;

  private ContractDatabase() {}

  static HikariDataSource open(String url, String user, String vendorMigrations) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword("");
    config.setMaximumPoolSize(CONNECTIONS);
    config.setPoolName("contracts");
    HikariDataSource dataSource = new HikariDataSource(config);
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendorMigrations)
        .load()
        .migrate();
    return dataSource;
  }
}
