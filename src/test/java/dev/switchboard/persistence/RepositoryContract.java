package dev.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.access.ApiKey;
import dev.switchboard.access.RefreshTokens;
import dev.switchboard.access.internal.JdbcApiKeys;
import dev.switchboard.access.internal.JdbcRefreshTokens;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.internal.JdbcConversations;
import dev.switchboard.message.ClientKeyTaken;
import dev.switchboard.message.CreditNote;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageType;
import dev.switchboard.message.internal.JdbcMessages;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Scope;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.internal.JdbcTenants;
import dev.switchboard.user.User;
import dev.switchboard.user.internal.JdbcUsers;
import dev.switchboard.wallet.CreditTransfer;
import dev.switchboard.wallet.TransferKind;
import dev.switchboard.wallet.internal.JdbcWallets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every storage adapter must do, whatever the database. Implemented once per database
 * (H2 and PostgreSQL), so both run the same migrations and the same assertions.
 */
interface RepositoryContract {
  Ids IDS = new Ids(Clock.systemUTC());
  /** Databases keep microseconds; Java clocks may carry nanoseconds. */
  Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  JdbcClient jdbc();

  private String tenant() {
    String id = IDS.next();
    assertThat(new JdbcTenants(jdbc()).insert(new Tenant(id, "t-" + id, null, NOW))).isTrue();
    return id;
  }

  private String user(String tenantId, String userId) {
    User user = new User(tenantId, userId, IDS.next(), "Name " + userId, Scope.BASIC_USER, NOW, NOW);
    assertThat(new JdbcUsers(jdbc()).insert(user, "{bcrypt}hash")).isTrue();
    return userId;
  }

  private Conversation direct(String tenantId, String a, String b) {
    var conversations = new JdbcConversations(jdbc());
    Conversation c = new Conversation(tenantId, IDS.next(), ConversationKind.DIRECT, null, 0, NOW, NOW);
    assertThat(conversations.insert(c, a + "|" + b)).isTrue();
    conversations.addMember(tenantId, c.id(), a, NOW);
    conversations.addMember(tenantId, c.id(), b, NOW);
    return c;
  }

  private Message message(Conversation c, long seq, String sender, String clientKey) {
    return new Message(c.tenantId(), IDS.next(), c.id(), seq, sender, MessageType.TEXT, "m" + seq,
        clientKey, null, null, NOW, NOW);
  }

  @Test
  default void tenantsAreUniqueByNameAndFoundByNameOrId() {
    var tenants = new JdbcTenants(jdbc());
    String id = tenant();
    Tenant found = tenants.findById(id).orElseThrow();
    assertThat(tenants.findByName(found.name())).contains(found);
    assertThat(found.createdAt()).isEqualTo(NOW);
    assertThat(tenants.insert(new Tenant(IDS.next(), found.name(), null, NOW))).isFalse();
    assertThat(tenants.findByName("default")).isPresent();
  }

  @Test
  default void usersAreScopedToTheirTenant() {
    var users = new JdbcUsers(jdbc());
    String t1 = tenant();
    String t2 = tenant();
    user(t1, "alice");
    assertThat(users.find(t1, "alice")).get().extracting(User::displayName).isEqualTo("Name alice");
    assertThat(users.find(t2, "alice")).isEmpty();
    assertThat(users.findAll(t2, List.of("alice"))).isEmpty();
    assertThat(users.passwordHash(t1, "alice")).contains("{bcrypt}hash");
    assertThat(users.insert(new User(t1, "alice", IDS.next(), null, Scope.SUPER_USER, NOW, NOW), null)).isFalse();
    User noPassword = new User(t2, "alice", IDS.next(), null, Scope.SUPER_USER, NOW, NOW);
    assertThat(users.insert(noPassword, null)).isTrue();
    assertThat(users.passwordHash(t2, "alice")).isEmpty();
    assertThat(users.find(t2, "alice")).get().extracting(User::scope).isEqualTo(Scope.SUPER_USER);
  }

  @Test
  default void directChatsAreUniquePerPairAndInvisibleToOtherTenants() {
    var conversations = new JdbcConversations(jdbc());
    String t = tenant();
    user(t, "a");
    user(t, "b");
    Conversation c = direct(t, "a", "b");
    Conversation twin = new Conversation(t, IDS.next(), ConversationKind.DIRECT, null, 0, NOW, NOW);
    assertThat(conversations.insert(twin, "a|b")).isFalse();
    assertThat(conversations.findDirect(t, "a|b")).get().extracting(Conversation::id).isEqualTo(c.id());
    assertThat(conversations.find(tenant(), c.id())).isEmpty();
    assertThat(conversations.members(t, c.id())).extracting(m -> m.userId()).containsExactlyInAnyOrder("a", "b");
    conversations.addMember(t, c.id(), "a", NOW); // idempotent
    assertThat(conversations.members(t, c.id())).hasSize(2);
  }

  @Test
  default void findForUserTellsMembershipInTheSameQuery() {
    var conversations = new JdbcConversations(jdbc());
    String t = tenant();
    user(t, "a");
    user(t, "b");
    user(t, "c");
    Conversation c = direct(t, "a", "b");
    assertThat(conversations.findForUser(t, c.id(), "a")).get()
        .satisfies(seen -> assertThat(seen.member()).isTrue())
        .satisfies(seen -> assertThat(seen.conversation().id()).isEqualTo(c.id()));
    assertThat(conversations.findForUser(t, c.id(), "c")).get()
        .satisfies(seen -> assertThat(seen.member()).isFalse());
    assertThat(conversations.findForUser(tenant(), c.id(), "a")).isEmpty();
    assertThat(conversations.findForUser(t, IDS.next(), "a")).isEmpty();
  }

  @Test
  default void sequenceNumbersAreDenseAndCursorsOnlyMoveForward() {
    var conversations = new JdbcConversations(jdbc());
    String t = tenant();
    user(t, "a");
    user(t, "b");
    Conversation c = direct(t, "a", "b");
    long changes = conversations.nextChangeSeq(t, c.id());
    assertThat(conversations.advance(t, c.id(), NOW))
        .isEqualTo(new Conversations.Sequences(1, changes + 1));
    assertThat(conversations.advance(t, c.id(), NOW.plusSeconds(1)))
        .isEqualTo(new Conversations.Sequences(2, changes + 2));
    assertThat(conversations.nextChangeSeq(t, c.id())).isEqualTo(changes + 3);
    assertThat(conversations.find(t, c.id()).orElseThrow().lastActivityAt()).isEqualTo(NOW.plusSeconds(1));
    conversations.markRead(t, c.id(), "b", 2);
    conversations.markRead(t, c.id(), "b", 1);
    assertThat(conversations.member(t, c.id(), "b").orElseThrow().lastReadSeq()).isEqualTo(2);
    assertThatThrownBy(() -> conversations.advance(tenant(), c.id(), NOW)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> conversations.nextChangeSeq(tenant(), c.id())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  default void messagesAreReadBackByRangeNewestFirstWithUnreadCounts() {
    var conversations = new JdbcConversations(jdbc());
    var messages = new JdbcMessages(jdbc());
    String t = tenant();
    user(t, "a");
    user(t, "b");
    Conversation c = direct(t, "a", "b");
    for (int seq = 1; seq <= 5; seq++) {
      conversations.advance(t, c.id(), NOW);
      messages.insert(message(c, seq, seq == 5 ? "b" : "a", null));
    }
    assertThat(messages.range(t, c.id(), 1, 4)).extracting(Message::seq).containsExactly(4L, 3L, 2L);
    assertThat(messages.latest(t, List.of(c.id()))).extracting(Message::seq).containsExactly(5L);
    assertThat(conversations.unreadCounts(t, "b", List.of(c.id()))).isEqualTo(Map.of(c.id(), 4L));
    assertThat(conversations.unreadCounts(t, "a", List.of(c.id()))).isEqualTo(Map.of(c.id(), 1L));
    conversations.markRead(t, c.id(), "b", 3);
    // Only seq 4 is unread for b: seq 5 is his own.
    assertThat(conversations.unreadCounts(t, "b", List.of(c.id()))).isEqualTo(Map.of(c.id(), 1L));
    conversations.markRead(t, c.id(), "b", 5);
    assertThat(conversations.unreadCounts(t, "b", List.of(c.id()))).isEmpty();
    assertThat(conversations.forUser(t, "a", 10, 0)).extracting(Conversation::id).containsExactly(c.id());
    assertThat(conversations.countForUser(t, "a")).isEqualTo(1);
    assertThat(messages.range(tenant(), c.id(), 0, 5)).isEmpty();
  }

  @Test
  default void aClientIdIsUsableOncePerSenderAndCreditNotesRoundTrip() {
    var conversations = new JdbcConversations(jdbc());
    var messages = new JdbcMessages(jdbc());
    String t = tenant();
    user(t, "a");
    user(t, "b");
    Conversation c = direct(t, "a", "b");
    messages.insert(message(c, 1, "a", "key-1"));
    assertThatThrownBy(() -> messages.insert(message(c, 2, "a", "key-1"))).isInstanceOf(ClientKeyTaken.class);
    messages.insert(message(c, 2, "b", "key-1"));
    assertThat(messages.findByClientKey(t, "a", "key-1")).get().extracting(Message::seq).isEqualTo(1L);

    Message credit = new Message(t, IDS.next(), c.id(), 3, "a", MessageType.CREDIT_TRANSFER, null, null,
        new CreditNote(25, "a", "b"), null, NOW, NOW);
    messages.insert(credit);
    conversations.advance(t, c.id(), NOW);
    conversations.advance(t, c.id(), NOW);
    conversations.advance(t, c.id(), NOW);
    Message stored = messages.latest(t, List.of(c.id())).getFirst();
    assertThat(stored).isEqualTo(credit);

    String fileId = IDS.next();
    Message image = new Message(t, IDS.next(), c.id(), 4, "b", MessageType.IMAGE, "caption", null,
        null, fileId, NOW, NOW);
    messages.insert(image);
    assertThat(messages.range(t, c.id(), 3, 4)).containsExactly(image);
  }

  @Test
  default void walletsRecordBalancedTransfersAndRefuseOverdraft() {
    var wallets = new JdbcWallets(jdbc());
    String t = tenant();
    wallets.open(t, "system:issuance", NOW);
    wallets.open(t, "user:a", NOW);
    wallets.open(t, "user:a", NOW);
    assertThat(wallets.balance(t, "user:a")).hasValue(0);
    assertThat(wallets.lockBalance(t, "user:nobody")).isEmpty();

    wallets.setBalance(t, "system:issuance", -40, NOW);
    wallets.setBalance(t, "user:a", 40, NOW);
    CreditTransfer topUp = new CreditTransfer(t, IDS.next(), TransferKind.TOP_UP, "system:issuance",
        "user:a", 40, "grant", "system:admin", "k1", -40, 40, null, NOW);
    wallets.record(topUp);
    assertThat(wallets.find(t, topUp.id())).contains(topUp);
    assertThat(wallets.find(tenant(), topUp.id())).isEmpty();

    long ledgerSum = jdbc().sql("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries WHERE tenant_id = ?")
        .param(t).query(Long.class).single();
    assertThat(ledgerSum).isZero();
    assertThatThrownBy(() -> wallets.setBalance(t, "user:a", -1, NOW))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  default void refreshTokensAreConsumedExactlyOnceAndFamiliesRevoked() {
    var tokens = new JdbcRefreshTokens(jdbc());
    String t = tenant();
    user(t, "a");
    var grant = new RefreshTokens.Grant(t, "a", IDS.next());
    String live = IDS.next() + IDS.next() + "0000000000000000";
    String expired = IDS.next() + IDS.next() + "1111111111111111";
    String sibling = IDS.next() + IDS.next() + "2222222222222222";
    tokens.insert(live, grant, NOW.plus(Duration.ofDays(1)), NOW);
    tokens.insert(expired, grant, NOW.minusSeconds(1), NOW.minusSeconds(10));
    tokens.insert(sibling, grant, NOW.plus(Duration.ofDays(1)), NOW);

    assertThat(tokens.consume(live, NOW)).contains(grant);
    assertThat(tokens.consume(live, NOW)).isEmpty();
    assertThat(tokens.consume(expired, NOW)).isEmpty();
    assertThat(tokens.familyOf(live)).contains(grant.familyId());
    tokens.revokeFamily(grant.familyId(), NOW);
    assertThat(tokens.consume(sibling, NOW)).isEmpty();
  }

  @Test
  default void apiKeysAreFoundOnlyByTheirHash() {
    var keys = new JdbcApiKeys(jdbc());
    String t = tenant();
    ApiKey key = new ApiKey(t, IDS.next(), "portal", Scope.OFFICE_MANAGER, NOW);
    // Hashes are unique server-wide: a fresh one, so the contract also passes on a reused database.
    String hash = StorageRows.hash();
    keys.insert(key, hash);
    assertThat(keys.findByHash(hash)).contains(key);
    assertThat(keys.findByHash(StorageRows.hash())).isEmpty();
  }
}
