package dev.switchboard.sms.internal;

import dev.switchboard.sms.CarrierPart;
import dev.switchboard.sms.SmsOutboxParts;
import dev.switchboard.sms.SmsStatus;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcSmsOutboxParts implements SmsOutboxParts {
  private final JdbcClient jdbc;

  public JdbcSmsOutboxParts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(String tenantId, String outboxId, List<String> carrierMessageIds) {
    insert(jdbc, tenantId, outboxId, carrierMessageIds);
  }

  /** Segments 1..n, all sent; shared with {@link JdbcSmsOutboxEntries#markSent}. */
  static void insert(JdbcClient jdbc, String tenantId, String outboxId, List<String> carrierIds) {
    for (int part = 0; part < carrierIds.size(); part++) {
      jdbc.sql("""
              INSERT INTO sms_outbox_parts (tenant_id, outbox_id, part, carrier_message_id, status)
              VALUES (?, ?, ?, ?, 'sent')""")
          .params(tenantId, outboxId, part + 1, carrierIds.get(part))
          .update();
    }
  }

  @Override
  public List<CarrierPart> byCarrierId(String carrierMessageId) {
    return jdbc.sql("""
            SELECT tenant_id, outbox_id, part FROM sms_outbox_parts
             WHERE carrier_message_id = ? ORDER BY tenant_id, outbox_id, part""")
        .param(carrierMessageId)
        .query((rs, row) -> new CarrierPart(
            rs.getString("tenant_id"), rs.getString("outbox_id"), rs.getInt("part")))
        .list();
  }

  @Override
  public boolean settle(CarrierPart part, SmsStatus outcome) {
    return jdbc.sql("""
            UPDATE sms_outbox_parts SET status = ?
             WHERE tenant_id = ? AND outbox_id = ? AND part = ? AND status = 'sent'""")
        .params(outcome.dbValue(), part.tenantId(), part.outboxId(), part.part())
        .update() == 1;
  }

  @Override
  public List<SmsStatus> statuses(String tenantId, String outboxId) {
    return jdbc.sql("""
            SELECT status FROM sms_outbox_parts WHERE tenant_id = ? AND outbox_id = ?
             ORDER BY part""")
        .params(tenantId, outboxId)
        .query((rs, row) -> SmsStatus.fromDb(rs.getString("status")))
        .list();
  }
}
