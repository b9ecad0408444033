package dev.switchboard.persistence;

import dev.switchboard.support.PostgresTestDatabase;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The storage contract on a real PostgreSQL server (the database .ci/run creates). */
@ExtendWith(PostgresTestDatabase.class)
class PostgresRepositoryContractIT
    implements RepositoryContract, FileRepositoryContract, SmsRepositoryContract,
        SmsSettlementContract {
  private static JdbcClient jdbc;
  private static DataSource dataSource;

  @BeforeAll
  static void migrate() {
    var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
        PostgresTestDatabase.url(), PostgresTestDatabase.user(), "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
    jdbc = JdbcClient.create(dataSource);
    PostgresRepositoryContractIT.dataSource = dataSource;
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
