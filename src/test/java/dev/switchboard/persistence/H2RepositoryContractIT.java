package dev.switchboard.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The storage contract on the embedded database, in PostgreSQL mode as the server runs it. */
class H2RepositoryContractIT implements StorageContracts {
  private static HikariDataSource dataSource;
  private static JdbcClient jdbc;
  private static JdbcTemplate template;

  @BeforeAll
  static void migrate() throws Exception {
    String dir = Files.createTempDirectory("switchboard-h2-contract").toString();
    // The server's own URL options (application.yml), on a file of its own.
    dataSource = ContractDatabase.open("jdbc:h2:file:" + dir + "/db;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000", "sa", "h2");
    template = new JdbcTemplate(dataSource);
    jdbc = JdbcClient.create(template);
  }

  @AfterAll
  static void close() {
    dataSource.close();
  }

  @Override
  public JdbcTemplate template() {
    return template;
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
