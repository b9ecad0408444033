package dev.switchboard.message;

import dev.switchboard.conversation.ChannelMembership;
import dev.switchboard.conversation.ChannelService;
import dev.switchboard.feed.ChangeLog;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The posting rules on the embedded database, in the shared test context. */
class H2PostingContractIT extends ApiTestBase implements PostingContract {
  @Autowired TenantService tenants;
  @Autowired UserService users;
  @Autowired ChannelService channels;
  @Autowired ChannelMembership membership;
  @Autowired MessageService messages;
  @Autowired ChangeLog changes;
  @Autowired PlatformTransactionManager transactionManager;

  @Override
  public Services services() {
    return new Services(tenants, users, channels, membership, messages, changes,
        new TransactionTemplate(transactionManager));
  }
}
