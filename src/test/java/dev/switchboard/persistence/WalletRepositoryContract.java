package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.IDS;
import static dev.switchboard.persistence.StorageRows.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.wallet.CreditTransfer;
import dev.switchboard.wallet.LedgerEntry;
import dev.switchboard.wallet.TransferKind;
import dev.switchboard.wallet.internal.JdbcWallets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code JdbcWallets}' statements: an account's ledger entries, newest first, paged. */
interface WalletRepositoryContract extends StorageContract {
  private CreditTransfer transfer(String t, TransferKind kind, String from, String to, long amount,
      long fromAfter, long toAfter, Instant at) {
    var transfer = new CreditTransfer(t, IDS.next(), kind, from, to, amount, kind + " reason",
        "system:admin", null, fromAfter, toAfter, kind == TransferKind.TRANSFER ? IDS.next() : null, at);
    new JdbcWallets(jdbc()).record(transfer);
    return transfer;
  }

  @Test
  default void anAccountsStatementIsItsSignedEntriesNewestFirstWithTheCounterparty() {
    var wallets = new JdbcWallets(jdbc());
    String t = rows().tenant();
    String other = rows().tenant();
    CreditTransfer topUp = transfer(t, TransferKind.TOP_UP, "system:issuance", "user:a", 50, -50, 50, NOW);
    CreditTransfer paid = transfer(t, TransferKind.TRANSFER, "user:a", "user:b", 20, 30, 20, NOW.plusSeconds(1));
    CreditTransfer back = transfer(t, TransferKind.TRANSFER, "user:b", "user:a", 5, 15, 35, NOW.plusSeconds(2));
    transfer(other, TransferKind.TOP_UP, "system:issuance", "user:a", 7, -7, 7, NOW.plusSeconds(3));

    assertThat(wallets.entries(t, "user:a", 10, 0)).containsExactly(
        new LedgerEntry(back.id(), TransferKind.TRANSFER, 5, 35, "user:b", "TRANSFER reason",
            "system:admin", back.messageId(), NOW.plusSeconds(2)),
        new LedgerEntry(paid.id(), TransferKind.TRANSFER, -20, 30, "user:b", "TRANSFER reason",
            "system:admin", paid.messageId(), NOW.plusSeconds(1)),
        new LedgerEntry(topUp.id(), TransferKind.TOP_UP, 50, 50, "system:issuance", "TOP_UP reason",
            "system:admin", null, NOW));
    assertThat(wallets.entries(t, "user:a", 1, 1)).extracting(LedgerEntry::transferId)
        .containsExactly(paid.id());
    assertThat(wallets.countEntries(t, "user:a")).isEqualTo(3);
    assertThat(wallets.countEntries(t, "user:b")).isEqualTo(2);
    assertThat(wallets.countEntries(other, "user:a")).isEqualTo(1);
    assertThat(wallets.entries(t, "user:nobody", 10, 0)).isEmpty();
  }
}
