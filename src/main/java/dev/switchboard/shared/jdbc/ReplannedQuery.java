package dev.switchboard.shared.jdbc;

import java.sql.PreparedStatement;
import java.util.List;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * A SELECT that PostgreSQL plans afresh on every execution, for polls of queue tables.
 *
 * <p>PgJDBC turns a statement run five times on a connection into a named server-side statement,
 * and PostgreSQL then keeps a generic plan for it for the life of the connection. A queue table
 * swings from empty to thousands of rows in seconds, faster than statistics follow (at once with
 * autovacuum off): a plan cached while it was empty joined every queued row with every other
 * (the webhook dispatcher's per-conversation order check took 1 s a pass at 6,000 queued rows,
 * 15 ms when planned for what is there). Such a poll runs as an unnamed statement, planned with
 * the table as it is; other databases run it as a plain prepared statement.
 */
public final class ReplannedQuery {
  private ReplannedQuery() {}

  public static <T> List<T> list(JdbcTemplate jdbc, String sql, RowMapper<T> mapper,
      Object... params) {
    return jdbc.query(connection -> {
      PreparedStatement statement = connection.prepareStatement(sql);
      if (statement.isWrapperFor(PGStatement.class)) {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
      }
      new ArgumentPreparedStatementSetter(params).setValues(statement);
      return statement;
    }, mapper);
  }
}
