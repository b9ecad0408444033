package dev.switchboard.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.support.PostgresTestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The storage contract on a real PostgreSQL server (the database .ci/run creates). */
@ExtendWith(PostgresTestDatabase.class)
class PostgresRepositoryContractIT implements StorageContracts {
  private static HikariDataSource dataSource;
  private static JdbcClient jdbc;

  @BeforeAll
  static void migrate() {
    dataSource = ContractDatabase.open(
        PostgresTestDatabase.url(), PostgresTestDatabase.user(), "postgresql");
    jdbc = JdbcClient.create(dataSource);
  }

  @AfterAll
  static void close() {
    if (dataSource != null) {
      dataSource.close();
    }
  }

  @Override
  public JdbcClient jdbc() {
    return jdbc;
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }
}
