package dev.switchboard.wallet.internal;

import static dev.switchboard.shared.jdbc.SqlTimes.instant;
import static dev.switchboard.shared.jdbc.SqlTimes.utc;

import dev.switchboard.wallet.CreditTransfer;
import dev.switchboard.wallet.LedgerEntry;
import dev.switchboard.wallet.TransferKind;
import dev.switchboard.wallet.Wallets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcWallets implements Wallets {
  private final JdbcClient jdbc;

  public JdbcWallets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void open(String tenantId, String account, Instant now) {
    jdbc.sql(
            """
            INSERT INTO wallets (tenant_id, account, balance, updated_at) VALUES (?, ?, 0, ?)
            ON CONFLICT DO NOTHING""")
        .params(tenantId, account, utc(now))
        .update();
  }

  @Override
  public OptionalLong lockBalance(String tenantId, String account) {
    return optionalLong(
        jdbc.sql("SELECT balance FROM wallets WHERE tenant_id = ? AND account = ? FOR UPDATE")
            .params(tenantId, account)
            .query(Long.class)
            .optional());
  }

  @Override
  public OptionalLong balance(String tenantId, String account) {
    return optionalLong(
        jdbc.sql("SELECT balance FROM wallets WHERE tenant_id = ? AND account = ?")
            .params(tenantId, account)
            .query(Long.class)
            .optional());
  }

  @Override
  public void setBalance(String tenantId, String account, long balance, Instant now) {
    jdbc.sql("UPDATE wallets SET balance = ?, updated_at = ? WHERE tenant_id = ? AND account = ?")
        .params(balance, utc(now), tenantId, account)
        .update();
  }

  @Override
  public void record(CreditTransfer t) {
    jdbc.sql(
              """
              INSERT INTO credit_transfers (tenant_id, id, kind, from_account, to_account, amount,
                                            reason, initiator, idempotency_key,
                                            from_balance_after, to_balance_after, message_id,
                                            created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(
              t.tenantId(),
              t.id(),
              t.kind().name(),
              t.fromAccount(),
              t.toAccount(),
              t.amount(),
              t.reason(),
              t.initiator(),
              t.idempotencyKey(),
              t.fromBalanceAfter(),
              t.toBalanceAfter(),
              t.messageId(),
              utc(t.createdAt()))
          .update();
    entry(t, t.fromAccount(), -t.amount(), t.fromBalanceAfter());
    entry(t, t.toAccount(), t.amount(), t.toBalanceAfter());
  }

  private void entry(CreditTransfer t, String account, long amount, long balanceAfter) {
    jdbc.sql(
            """
            INSERT INTO ledger_entries (tenant_id, transfer_id, account, amount, balance_after,
                                        created_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(t.tenantId(), t.id(), account, amount, balanceAfter, utc(t.createdAt()))
        .update();
  }

  @Override
  public Optional<CreditTransfer> find(String tenantId, String transferId) {
    return jdbc.sql("SELECT * FROM credit_transfers WHERE tenant_id = ? AND id = ?")
        .params(tenantId, transferId)
        .query(JdbcWallets::transfer)
        .optional();
  }

  @Override
  public List<LedgerEntry> entries(String tenantId, String account, int limit, long offset) {
    return jdbc.sql(
            """
            SELECT e.transfer_id, e.amount, e.balance_after, e.created_at, t.kind,
                   t.from_account, t.to_account, t.reason, t.initiator, t.message_id
              FROM ledger_entries e
              JOIN credit_transfers t ON t.tenant_id = e.tenant_id AND t.id = e.transfer_id
             WHERE e.tenant_id = ? AND e.account = ?
             ORDER BY e.created_at DESC, e.transfer_id DESC LIMIT ? OFFSET ?""")
        .params(tenantId, account, limit, offset)
        .query(
            (rs, n) ->
                new LedgerEntry(
                    rs.getString("transfer_id"),
                    TransferKind.valueOf(rs.getString("kind")),
                    rs.getLong("amount"),
                    rs.getLong("balance_after"),
                    account.equals(rs.getString("from_account"))
                        ? rs.getString("to_account")
                        : rs.getString("from_account"),
                    rs.getString("reason"),
                    rs.getString("initiator"),
                    rs.getString("message_id"),
                    instant(rs, "created_at")))
        .list();
  }

  @Override
  public long countEntries(String tenantId, String account) {
    return jdbc.sql("SELECT COUNT(*) FROM ledger_entries WHERE tenant_id = ? AND account = ?")
        .params(tenantId, account)
        .query(Long.class)
        .single();
  }

  private static CreditTransfer transfer(ResultSet rs, int row) throws SQLException {
    return new CreditTransfer(
        rs.getString("tenant_id"),
        rs.getString("id"),
        TransferKind.valueOf(rs.getString("kind")),
        rs.getString("from_account"),
        rs.getString("to_account"),
        rs.getLong("amount"),
        rs.getString("reason"),
        rs.getString("initiator"),
        rs.getString("idempotency_key"),
        rs.getLong("from_balance_after"),
        rs.getLong("to_balance_after"),
        rs.getString("message_id"),
        instant(rs, "created_at"));
  }

  private static OptionalLong optionalLong(Optional<Long> value) {
    return value.map(OptionalLong::of).orElseGet(OptionalLong::empty);
  }
}
