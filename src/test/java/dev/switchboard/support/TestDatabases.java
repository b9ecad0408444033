package dev.switchboard.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The database pieces of tests that run the storage adapters outside the application: a small
 * pool as the server has one (a connection per statement would reopen an embedded database's
 * file each time), and Flyway over the server's migrations for one vendor (h2, postgresql).
 */
public final class TestDatabases {
  private TestDatabases() {}

  public static HikariDataSource pool(String url, String user, String name, int connections) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword("");
    config.setMaximumPoolSize(connections);
    config.setPoolName(name);
    return new HikariDataSource(config);
  }

  public static FluentConfiguration flyway(DataSource dataSource, String vendor) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
  }
}
