package dev.switchboard.wallet;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.PageRequest;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's statement for the operator: balance and ledger entries, newest first. Also empties
 * the wallet of a user being erased, through the ledger like any other movement.
 */
@Service
public class WalletStatements {
  private final Wallets wallets;
  private final WalletService walletService;

  public WalletStatements(Wallets wallets, WalletService walletService) {
    this.wallets = wallets;
    this.walletService = walletService;
  }

  public record Statement(long balance, List<LedgerEntry> entries, long total) {}

  @Transactional(readOnly = true)
  public Statement statement(String tenantId, String userId, PageRequest page) {
    String account = Accounts.user(userId);
    long balance =
        wallets.balance(tenantId, account).orElseThrow(() -> DomainException.notFound("wallet"));
    return new Statement(
        balance,
        wallets.entries(tenantId, account, page.limit(), page.offset()),
        wallets.countEntries(tenantId, account));
  }

  /**
   * Returns what is left in the user's wallet to the issuance account (an ADJUSTMENT with the
   * reason given), so the erased user holds nothing; returns the amount moved.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public long empty(String tenantId, String userId, String reason) {
    long balance = wallets.balance(tenantId, Accounts.user(userId)).orElse(0);
    if (balance > 0) {
      walletService.adjust(tenantId, userId, -balance, reason, null);
    }
    return balance;
  }
}
