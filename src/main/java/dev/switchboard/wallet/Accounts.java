package dev.switchboard.wallet;

/**
 * Ledger account names. A user's wallet is {@code user:<userId>}; each domain has a {@code
 * system:issuance} account that top-ups are drawn from, so credits are never created from
 * nothing: the issuance account goes negative by exactly what was issued.
 */
public final class Accounts {
  public static final String ISSUANCE = "system:issuance";
  private static final String USER_PREFIX = "user:";

  private Accounts() {}

  public static String user(String userId) {
    return USER_PREFIX + userId;
  }
}
