package dev.switchboard.persistence;

import java.nio.file.Files;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The storage contract on the embedded database, in PostgreSQL mode as the server runs it. */
class H2RepositoryContractIT
    implements RepositoryContract, FileRepositoryContract, SmsRepositoryContract,
        SmsSettlementContract {
  private static JdbcClient jdbc;
  private static DataSource dataSource;

  @BeforeAll
  static void migrate() throws Exception {
    String dir = Files.createTempDirectory("switchboard-h2-contract").toString();
    var dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
        "jdbc:h2:file:" + dir + "/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
    jdbc = JdbcClient.create(dataSource);
    H2RepositoryContractIT.dataSource = dataSource;
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
