package dev.switchboard.wallet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Storage port for balances, transfers and the ledger. Every call is scoped to one tenant. */
public interface Wallets {
  void open(String tenantId, String account, Instant now);

  /** Locks the account's row until the transaction ends and returns its balance. */
  OptionalLong lockBalance(String tenantId, String account);

  OptionalLong balance(String tenantId, String account);

  void setBalance(String tenantId, String account, long balance, Instant now);

  /** Records a transfer and its two ledger entries. */
  void record(CreditTransfer transfer);

  Optional<CreditTransfer> find(String tenantId, String transferId);

  /** The account's ledger entries, newest first, paged. */
  List<LedgerEntry> entries(String tenantId, String account, int limit, long offset);

  long countEntries(String tenantId, String account);
}
