package dev.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.support.PostgresTestDatabase;
import dev.switchboard.shared.jdbc.ReplannedQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The storage contract on a real PostgreSQL server (the database .ci/run creates). */
@ExtendWith(PostgresTestDatabase.class)
class PostgresRepositoryContractIT implements StorageContracts {
  private static HikariDataSource dataSource;
  private static JdbcClient jdbc;
  private static JdbcTemplate template;

  @BeforeAll
  static void migrate() {
    dataSource = ContractDatabase.open(
        PostgresTestDatabase.url(), PostgresTestDatabase.user(), "postgresql");
    template = new JdbcTemplate(dataSource);
    jdbc = JdbcClient.create(template);
  }

  @AfterAll
  static void close() {
    if (dataSource != null) {
      dataSource.close();
    }
  }

  /**
   * A queue poll must not keep a plan made when its table was empty (ReplannedQuery): run ten
   * times on one connection it is still not a server-side prepared statement there, while an
   * ordinary query run as often is.
   */
  @Test
  void queuePollsArePlannedAtEachRunWhileOtherQueriesArePreparedOnce() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      JdbcTemplate one = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
      String poll = "SELECT id FROM webhook_deliveries WHERE status = ? AND attempts >= ?";
      String plain = "SELECT COUNT(*) FROM webhook_deliveries WHERE status = ?";
      for (int i = 0; i < 10; i++) {
        assertThat(ReplannedQuery.list(one, poll, (rs, n) -> rs.getString(1), "queued", 0))
            .isEmpty();
        assertThat(one.queryForObject(plain, Long.class, "queued")).isZero();
      }
      List<String> prepared =
          one.queryForList("SELECT statement FROM pg_prepared_statements", String.class);
      assertThat(prepared)
          .anyMatch(s -> s.contains("COUNT(*) FROM webhook_deliveries"))
          .noneMatch(s -> s.contains("attempts >="));
    }
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
