/** Credit wallets: balances, the double-entry ledger, and transfers (idempotent, atomic). */
@Owns({"wallets", "credit_transfers", "ledger_entries"})
package dev.switchboard.wallet;

import dev.switchboard.shared.Owns;
