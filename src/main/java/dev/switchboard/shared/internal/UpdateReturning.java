package dev.switchboard.shared.internal;

import java.util.Optional;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Increments a counter of one row and reads the new value back, in one round trip where the
 * database allows it: PostgreSQL runs {@code UPDATE … RETURNING}; H2 rejects that syntax (without
 * aborting the transaction), so there the UPDATE is followed by a SELECT of the still-locked row.
 * Which form works is learnt on the first call of each instance; the hot path on PostgreSQL then
 * saves a round trip per counter while the row lock is held.
 */
public final class UpdateReturning {
  private final JdbcClient jdbc;
  private volatile boolean returningUnsupported;

  public UpdateReturning(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param update an UPDATE of at most one row, without RETURNING
   * @param column the BIGINT column to read back after the update
   * @param select the SELECT of that column for the same row (the fallback's second statement)
   * @return the new value, or empty when no row matched
   */
  public Optional<Long> update(
      String update, Object[] updateParams, String column, String select, Object[] selectParams) {
    if (!returningUnsupported) {
      try {
        return jdbc.sql(update + " RETURNING " + column)
            .params(updateParams)
            .query(Long.class)
            .optional();
      } catch (BadSqlGrammarException noReturning) {
        returningUnsupported = true;
      }
    }
    if (jdbc.sql(update).params(updateParams).update() != 1) {
      return Optional.empty();
    }
    return jdbc.sql(select).params(selectParams).query(Long.class).optional();
  }
}
