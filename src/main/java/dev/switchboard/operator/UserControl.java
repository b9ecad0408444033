package dev.switchboard.operator;

import dev.switchboard.access.AccessLockout;
import dev.switchboard.conversation.ConversationOversight;
import dev.switchboard.file.FileService;
import dev.switchboard.message.MessageModeration;
import dev.switchboard.sms.SmsNumber;
import dev.switchboard.sms.SmsNumberService;
import dev.switchboard.user.UserAccount;
import dev.switchboard.user.UserAdministration;
import dev.switchboard.user.UserAdministration.ProfileChange;
import dev.switchboard.wallet.WalletStatements;
import dev.switchboard.webhook.WebhookService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator's actions on one user that reach across modules: disabling revokes, in the same
 * transaction, every credential acting as him; erasing follows the policy of ADR 0010
 * (docs/adr/0010-erasing-users-and-domains.md).
 */
@Service
public class UserControl {
  static final String ERASURE_REASON = "user deleted by an operator";

  private final UserAdministration users;
  private final AccessLockout lockout;
  private final MessageModeration messages;
  private final ConversationOversight conversations;
  private final FileService files;
  private final SmsNumberService smsNumbers;
  private final WalletStatements wallets;
  private final WebhookService webhooks;

  public UserControl(
      UserAdministration users,
      AccessLockout lockout,
      MessageModeration messages,
      ConversationOversight conversations,
      FileService files,
      SmsNumberService smsNumbers,
      WalletStatements wallets,
      WebhookService webhooks) {
    this.users = users;
    this.lockout = lockout;
    this.messages = messages;
    this.conversations = conversations;
    this.files = files;
    this.smsNumbers = smsNumbers;
    this.wallets = wallets;
    this.webhooks = webhooks;
  }

  /** The user as he now is, and what his disabling revoked. */
  public record Disabled(UserAccount account, AccessLockout.Revoked revoked) {}

  @Transactional
  public Disabled disable(String tenantId, String userId) {
    UserAccount account = users.setDisabled(tenantId, userId, true);
    return new Disabled(account, lockout.revokeUser(tenantId, userId));
  }

  /** Lets the user log in again; credentials revoked by the disable stay revoked. */
  @Transactional
  public UserAccount enable(String tenantId, String userId) {
    return users.setDisabled(tenantId, userId, false);
  }

  /**
   * Changes profile, scope or password. A new scope or password also revokes the user's tokens:
   * they carry the old scope, and a reset password must log out whoever knew the old one.
   */
  @Transactional
  public UserAccount update(String tenantId, String userId, ProfileChange change) {
    UserAccount before = users.get(tenantId, userId);
    UserAccount after = users.update(tenantId, userId, change);
    if (change.password() != null || after.user().scope() != before.user().scope()) {
      lockout.revokeUser(tenantId, userId);
    }
    return after;
  }

  /** What an erasure removed. */
  public record Erasure(
      String userId,
      AccessLockout.Revoked revoked,
      int conversationsScrubbed,
      int membershipsRemoved,
      int filesDeleted,
      int numbersReleased,
      long creditsReturned) {}

  @Transactional
  public Erasure erase(String tenantId, String userId) {
    users.get(tenantId, userId);
    AccessLockout.Revoked revoked = lockout.revokeUser(tenantId, userId);
    int scrubbed = messages.eraseAuthoredBy(tenantId, userId);
    int memberships = conversations.removeEverywhere(tenantId, userId);
    int deletedFiles = files.deleteOwnedBy(tenantId, userId);
    int numbers = 0;
    for (SmsNumber number : smsNumbers.listForUser(tenantId, userId)) {
      smsNumbers.unassign(tenantId, number.number());
      numbers++;
    }
    long credits = wallets.empty(tenantId, userId, ERASURE_REASON);
    webhooks.forgetUser(tenantId, userId);
    users.erase(tenantId, userId);
    return new Erasure(userId, revoked, scrubbed, memberships, deletedFiles, numbers, credits);
  }
}
