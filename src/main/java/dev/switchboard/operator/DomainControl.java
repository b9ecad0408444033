package dev.switchboard.operator;

import dev.switchboard.access.AccessLockout;
import dev.switchboard.access.DeviceSessionService;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.sms.SmsNumber;
import dev.switchboard.sms.SmsNumberService;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.webhook.WebhookService;
import dev.switchboard.user.UserAccount;
import dev.switchboard.user.UserAdministration;
import dev.switchboard.user.UserSearch;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting a domain (ADR 0010): every credential of it is revoked at once, every user erased as
 * {@link UserControl#erase} does, its SMS numbers released and secure mode turned off; the
 * domain row stays, marked deleted, because the ledger that references it is never rewritten.
 */
@Service
public class DomainControl {
  private static final int BATCH = 100;

  private final TenantService tenants;
  private final AccessLockout lockout;
  private final UserAdministration users;
  private final UserControl userControl;
  private final SmsNumberService smsNumbers;
  private final DeviceSessionService sessions;
  private final WebhookService webhooks;

  public DomainControl(
      TenantService tenants,
      AccessLockout lockout,
      UserAdministration users,
      UserControl userControl,
      SmsNumberService smsNumbers,
      DeviceSessionService sessions,
      WebhookService webhooks) {
    this.tenants = tenants;
    this.lockout = lockout;
    this.users = users;
    this.userControl = userControl;
    this.smsNumbers = smsNumbers;
    this.sessions = sessions;
    this.webhooks = webhooks;
  }

  /** What a domain deletion removed. */
  public record Deletion(Tenant domain, AccessLockout.Revoked revoked, int usersErased, int numbersReleased) {}

  @Transactional
  public Deletion delete(String name) {
    Tenant tenant = tenants.byName(name);
    tenants.markDeleted(tenant);
    // First, so that the erasures below post nothing to the domain's endpoints.
    webhooks.forgetDomain(tenant.id());
    AccessLockout.Revoked revoked = lockout.revokeDomain(tenant.id());
    int erased = 0;
    List<UserAccount> batch;
    do {
      // Erased users leave the search, so the first page is always the next batch.
      batch = users.search(tenant.id(), new UserSearch(null, null), new PageRequest(1, BATCH)).users();
      for (UserAccount account : batch) {
        userControl.erase(tenant.id(), account.user().userId());
        erased++;
      }
    } while (!batch.isEmpty());
    int released = 0;
    for (SmsNumber number : smsNumbers.list(tenant.id())) {
      smsNumbers.delete(tenant.id(), number.number());
      released++;
    }
    sessions.disableSecureMode(tenant.id());
    return new Deletion(tenant, revoked, erased, released);
  }
}
