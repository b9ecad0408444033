package dev.switchboard.shared.jdbc;

import java.util.Optional;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Updates one row and reads columns of it back, in one round trip where the database allows it:
 * PostgreSQL runs {@code UPDATE … RETURNING}; H2 rejects that syntax (without aborting the
 * transaction), so there the UPDATE is followed by a SELECT of the still-locked row. Which form
 * works is learnt on the first call of each instance; the hot path on PostgreSQL then saves a
 * round trip while the row lock is held.
 */
public final class UpdateReturning {
  private final JdbcClient jdbc;
  private volatile boolean returningUnsupported;

  public UpdateReturning(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param update an UPDATE of at most one row, without RETURNING
   * @param columns the columns to read back after the update, comma-separated
   * @param select the SELECT of those columns for the same row (the fallback's second statement)
   * @return the row mapped, or empty when no row matched
   */
  public <T> Optional<T> update(
      String update,
      Object[] updateParams,
      String columns,
      RowMapper<T> mapper,
      String select,
      Object[] selectParams) {
    if (!returningUnsupported) {
      try {
        return jdbc.sql(update + " RETURNING " + columns).params(updateParams).query(mapper).optional();
      } catch (BadSqlGrammarException noReturning) {
        returningUnsupported = true;
      }
    }
    if (jdbc.sql(update).params(updateParams).update() != 1) {
      return Optional.empty();
    }
    return jdbc.sql(select).params(selectParams).query(mapper).optional();
  }

  /** The same for a single BIGINT column. */
  public Optional<Long> update(
      String update, Object[] updateParams, String column, String select, Object[] selectParams) {
    return update(update, updateParams, column, (rs, n) -> rs.getLong(1), select, selectParams);
  }
}
