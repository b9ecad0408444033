package dev.switchboard.wallet;

import dev.switchboard.idempotency.IdempotentRequest;
import dev.switchboard.idempotency.IdempotentRequests;
import dev.switchboard.message.CreditNote;
import dev.switchboard.message.MessageService;
import dev.switchboard.message.PostMessage;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Violations;
import dev.switchboard.user.UserService;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves credits, only through the double-entry ledger. Each transfer locks both wallet rows in
 * account-name order (so two opposite transfers cannot deadlock), checks the balance under the
 * lock, writes both balances, the transfer and its two entries, and — for user transfers — the
 * chat message, all in one transaction — at most once per Idempotency-Key.
 */
@Service
public class WalletService {
  /** Far below Long.MAX_VALUE, so no sum of balances can overflow. */
  public static final long MAX_AMOUNT = 1_000_000_000_000L;

  private static final String ADMIN_INITIATOR = "system:admin";

  private final Wallets wallets;
  private final UserService users;
  private final MessageService messages;
  private final Ids ids;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final IdempotentRequests requests;

  public WalletService(
      Wallets wallets,
      UserService users,
      MessageService messages,
      Ids ids,
      Clock clock,
      ApplicationEventPublisher events,
      IdempotentRequests requests) {
    this.wallets = wallets;
    this.users = users;
    this.messages = messages;
    this.ids = ids;
    this.clock = clock;
    this.events = events;
    this.requests = requests;
  }

  /**
   * Sends credits to another user of the actor's domain and records it in their direct chat,
   * once per {@code Idempotency-Key} (null: no key; see {@link IdempotentRequests}).
   */
  public TransferResult transfer(
      Actor actor, String recipientId, long amount, String idempotencyKey) {
    new Violations()
        .notBlank("recipientId", recipientId)
        .check(amount > 0 && amount <= MAX_AMOUNT, "amount must be a positive integer")
        .throwIfAny();
    if (actor.userId().equals(recipientId)) {
      throw DomainException.invalid("recipientId must be another user");
    }
    String from = Accounts.user(actor.userId());
    String to = Accounts.user(recipientId);
    IdempotentRequest request =
        IdempotentRequest.of(actor.tenantId(), from, "credit.transfer", idempotencyKey, to, amount);
    return once(request, () -> {
      users.get(actor.tenantId(), recipientId);
      return move(actor.tenantId(), TransferKind.TRANSFER, from, to, amount, null, from,
          () -> messages.post(actor, PostMessage.creditNote(
              recipientId, new CreditNote(amount, actor.userId(), recipientId))).message().id());
    });
  }

  /** An operator credits a user from the domain's issuance account. */
  public TransferResult topUp(
      String tenantId, String userId, long amount, String reason, String idempotencyKey) {
    new Violations()
        .check(amount > 0 && amount <= MAX_AMOUNT, "amount must be a positive integer")
        .maxLength("reason", reason, 200)
        .throwIfAny();
    String to = Accounts.user(userId);
    IdempotentRequest request =
        IdempotentRequest.of(tenantId, ADMIN_INITIATOR, "credit.topUp", idempotencyKey, to, amount, reason);
    return once(request, () -> {
      users.get(tenantId, userId);
      return move(tenantId, TransferKind.TOP_UP, Accounts.ISSUANCE, to, amount, reason,
          ADMIN_INITIATOR, () -> null);
    });
  }

  /**
   * An operator's correction: a positive amount is a top-up, a negative one moves credits from
   * the user back to the issuance account. Either way it is a new transfer with its reason; the
   * ledger is never rewritten. A user's balance cannot go below zero.
   */
  public TransferResult adjust(
      String tenantId, String userId, long amount, String reason, String idempotencyKey) {
    new Violations()
        .check(amount != 0 && Math.abs(amount) <= MAX_AMOUNT, "amount must be a non-zero integer")
        .notBlank("reason", reason)
        .maxLength("reason", reason, 200)
        .throwIfAny();
    if (amount > 0) {
      return topUp(tenantId, userId, amount, reason, idempotencyKey);
    }
    String from = Accounts.user(userId);
    IdempotentRequest request =
        IdempotentRequest.of(tenantId, ADMIN_INITIATOR, "credit.adjust", idempotencyKey, from, amount, reason);
    return once(request, () -> {
      users.get(tenantId, userId);
      return move(tenantId, TransferKind.ADJUSTMENT, from, Accounts.ISSUANCE, -amount, reason,
          ADMIN_INITIATOR, () -> null);
    });
  }

  @Transactional(readOnly = true)
  public long balance(String tenantId, String userId) {
    return wallets
        .balance(tenantId, Accounts.user(userId))
        .orElseThrow(() -> DomainException.notFound("wallet"));
  }

  private TransferResult once(IdempotentRequest request, Supplier<CreditTransfer> work) {
    IdempotentRequests.Outcome<CreditTransfer> outcome =
        requests.once(request, work, CreditTransfer::id,
            id -> wallets.find(request.tenantId(), id).orElseThrow());
    return new TransferResult(outcome.value(), outcome.replayed());
  }

  private CreditTransfer move(
      String tenantId,
      TransferKind kind,
      String from,
      String to,
      long amount,
      String reason,
      String initiator,
      Supplier<String> recordMessage) {
    boolean fromFirst = from.compareTo(to) < 0;
    long firstBalance = lock(tenantId, fromFirst ? from : to);
    long secondBalance = lock(tenantId, fromFirst ? to : from);
    long fromBalance = fromFirst ? firstBalance : secondBalance;
    long toBalance = fromFirst ? secondBalance : firstBalance;
    boolean overdraftAllowed = from.equals(Accounts.ISSUANCE);
    if (!overdraftAllowed && fromBalance < amount) {
      throw new DomainException(
          ErrorCode.INSUFFICIENT_CREDITS,
          "Insufficient credits: balance " + fromBalance + ", requested " + amount);
    }
    Instant now = clock.instant();
    long fromAfter = fromBalance - amount;
    long toAfter = Math.addExact(toBalance, amount);
    wallets.setBalance(tenantId, from, fromAfter, now);
    wallets.setBalance(tenantId, to, toAfter, now);
    String messageId = recordMessage.get();
    CreditTransfer transfer =
        new CreditTransfer(
            tenantId,
            ids.next(),
            kind,
            from,
            to,
            amount,
            reason,
            initiator,
            null,
            fromAfter,
            toAfter,
            messageId,
            now);
    wallets.record(transfer);
    events.publishEvent(new CreditsTransferred(transfer));
    return transfer;
  }

  private long lock(String tenantId, String account) {
    return wallets
        .lockBalance(tenantId, account)
        .orElseThrow(() -> DomainException.notFound("wallet"));
  }
}
