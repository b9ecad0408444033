package dev.switchboard.sms.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.sms.DeliveryOutcome;
import dev.switchboard.sms.UnmatchedReceipt;
import dev.switchboard.sms.UnmatchedReceipts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcUnmatchedReceipts implements UnmatchedReceipts {
  private static final String COLUMNS = "id, carrier_message_id, outcome, detail, received_at";

  private final JdbcClient jdbc;

  public JdbcUnmatchedReceipts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void keep(UnmatchedReceipt r) {
    jdbc.sql("INSERT INTO sms_unmatched_receipts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")
        .params(r.id(), r.carrierMessageId(), r.outcome().name().toLowerCase(Locale.ROOT),
            r.detail(), utc(r.receivedAt()))
        .update();
  }

  @Override
  public List<UnmatchedReceipt> forCarrierIds(Collection<String> carrierMessageIds) {
    if (carrierMessageIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + COLUMNS
            + " FROM sms_unmatched_receipts WHERE carrier_message_id IN (:ids) ORDER BY received_at")
        .param("ids", carrierMessageIds)
        .query(JdbcUnmatchedReceipts::map)
        .list();
  }

  @Override
  public List<UnmatchedReceipt> matchable(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + """
             FROM sms_unmatched_receipts r
            WHERE EXISTS (SELECT 1 FROM sms_outbox_parts p
                           WHERE p.carrier_message_id = r.carrier_message_id)
            ORDER BY received_at LIMIT ?""")
        .param(limit)
        .query(JdbcUnmatchedReceipts::map)
        .list();
  }

  @Override
  public boolean take(String id) {
    return jdbc.sql("DELETE FROM sms_unmatched_receipts WHERE id = ?").param(id).update() == 1;
  }

  @Override
  public int expire(Instant before) {
    return jdbc.sql("DELETE FROM sms_unmatched_receipts WHERE received_at < ?")
        .param(utc(before))
        .update();
  }

  private static UnmatchedReceipt map(ResultSet rs, int row) throws SQLException {
    return new UnmatchedReceipt(
        rs.getString("id"),
        rs.getString("carrier_message_id"),
        DeliveryOutcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)),
        rs.getString("detail"),
        instant(rs, "received_at"));
  }
}
