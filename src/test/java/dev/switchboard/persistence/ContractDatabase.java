package dev.switchboard.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.support.TestDatabases;

/**
 * A migrated database for the storage contracts, behind a small pool as the server has one: a
 * connection per statement would reopen the embedded database's file each time and make the
 * suite slow. Enough connections for the contracts that write from several threads at once.
 */
final class ContractDatabase {
  private static final int CONNECTIONS = 16;

  private ContractDatabase() {}

  static HikariDataSource open(String url, String user, String vendorMigrations) {
    HikariDataSource dataSource = TestDatabases.pool(url, user, "contracts", CONNECTIONS);
    TestDatabases.flyway(dataSource, vendorMigrations).load().migrate();
    return dataSource;
  }
}
