package dev.switchboard.sms.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.sms.SmsNumber;
import dev.switchboard.sms.SmsNumbers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcSmsNumbers implements SmsNumbers {
  private static final String SELECT =
      "SELECT tenant_id, number, user_id, created_at, updated_at FROM sms_numbers ";

  private final JdbcClient jdbc;

  public JdbcSmsNumbers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean insert(SmsNumber n) {
    try {
      jdbc.sql("""
              INSERT INTO sms_numbers (tenant_id, number, user_id, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?)""")
          .params(n.tenantId(), n.number(), n.userId(), utc(n.createdAt()), utc(n.updatedAt()))
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  @Override
  public Optional<SmsNumber> find(String tenantId, String number) {
    return jdbc.sql(SELECT + "WHERE tenant_id = ? AND number = ?")
        .params(tenantId, number)
        .query(JdbcSmsNumbers::map)
        .optional();
  }

  @Override
  public List<SmsNumber> list(String tenantId) {
    return jdbc.sql(SELECT + "WHERE tenant_id = ? ORDER BY number")
        .param(tenantId)
        .query(JdbcSmsNumbers::map)
        .list();
  }

  @Override
  public List<SmsNumber> listForUser(String tenantId, String userId) {
    return jdbc.sql(SELECT + "WHERE tenant_id = ? AND user_id = ? ORDER BY number")
        .params(tenantId, userId)
        .query(JdbcSmsNumbers::map)
        .list();
  }

  @Override
  public boolean assign(String tenantId, String number, String userId, Instant now) {
    return jdbc.sql(
            "UPDATE sms_numbers SET user_id = ?, updated_at = ? WHERE tenant_id = ? AND number = ?")
        .params(userId, utc(now), tenantId, number)
        .update() == 1;
  }

  @Override
  public boolean delete(String tenantId, String number) {
    return jdbc.sql("DELETE FROM sms_numbers WHERE tenant_id = ? AND number = ?")
        .params(tenantId, number)
        .update() == 1;
  }

  @Override
  public Optional<SmsNumber> route(String number) {
    return jdbc.sql(SELECT + "WHERE number = ?")
        .param(number)
        .query(JdbcSmsNumbers::map)
        .optional();
  }

  private static SmsNumber map(ResultSet rs, int row) throws SQLException {
    return new SmsNumber(
        rs.getString("tenant_id"),
        rs.getString("number"),
        rs.getString("user_id"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }
}
