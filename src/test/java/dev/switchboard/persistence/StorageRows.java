package dev.switchboard.persistence;

import dev.switchboard.conversation.ChannelSettings;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.DirectKey;
import dev.switchboard.conversation.internal.JdbcChannels;
import dev.switchboard.conversation.internal.JdbcConversations;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageDetails;
import dev.switchboard.message.MessageType;
import dev.switchboard.message.internal.JdbcMessages;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Scope;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.internal.JdbcTenants;
import dev.switchboard.user.User;
import dev.switchboard.user.internal.JdbcUsers;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows the storage contracts stand on, written through the adapters themselves: each test
 * makes its own domain (tenant) so that tests share one database without seeing each other, and
 * a second domain wherever it proves that a call stays inside the first.
 */
final class StorageRows {
  static final Ids IDS = new Ids(Clock.systemUTC());
  /** Databases keep microseconds; Java clocks may carry nanoseconds. */
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  private final JdbcClient jdbc;

  StorageRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new domain with these users (ids as given, display name "Name id", basic scope). */
  String tenant(String... userIds) {
    String id = IDS.next();
    new JdbcTenants(jdbc).insert(new Tenant(id, "t-" + id, null, NOW));
    users(id, userIds);
    return id;
  }

  void users(String tenantId, String... userIds) {
    for (String userId : userIds) {
      new JdbcUsers(jdbc).insert(
          new User(tenantId, userId, IDS.next(), "Name " + userId, Scope.BASIC_USER, NOW, NOW),
          "{bcrypt}hash");
    }
  }

  /** A conversation of this kind whose members join in the order given, a second apart. */
  Conversation conversation(String tenantId, ConversationKind kind, String... members) {
    return conversation(tenantId, kind, "title", NOW, members);
  }

  Conversation conversation(
      String tenantId, ConversationKind kind, String title, Instant at, String... members) {
    var conversations = new JdbcConversations(jdbc);
    Conversation c = new Conversation(tenantId, IDS.next(), kind, title, 0, at, at);
    conversations.insert(c, null);
    for (int i = 0; i < members.length; i++) {
      conversations.addMember(tenantId, c.id(), members[i], NOW.plusSeconds(i));
    }
    return c;
  }

  Conversation direct(String tenantId, String a, String b) {
    var conversations = new JdbcConversations(jdbc);
    Conversation c = new Conversation(tenantId, IDS.next(), ConversationKind.DIRECT, null, 0, NOW, NOW);
    conversations.insert(c, DirectKey.of(a, b));
    conversations.addMember(tenantId, c.id(), a, NOW);
    conversations.addMember(tenantId, c.id(), b, NOW.plusSeconds(1));
    return c;
  }

  /** Gives a conversation channel settings: a key (the client's channelId) and these tags. */
  void channel(Conversation c, String key, String... tags) {
    new JdbcChannels(jdbc).save(c.tenantId(), c.id(), c.title(), settings(key, List.of(tags)));
  }

  static ChannelSettings settings(String key, List<String> tags) {
    return new ChannelSettings(key, null, null, tags, null, false, null, true, null, NOW);
  }

  /** Posts a text message the way the pipeline does: the next sequence number, then the row. */
  Message post(Conversation c, String sender, String text) {
    return post(c, sender, MessageType.TEXT, text, MessageDetails.NONE);
  }

  Message post(Conversation c, String sender, MessageType type, String text, MessageDetails details) {
    long seq = new JdbcConversations(jdbc).advance(c.tenantId(), c.id(), NOW).seq();
    Message m = new Message(c.tenantId(), IDS.next(), c.id(), seq, sender, type, text, null, null,
        null, NOW, NOW, details);
    new JdbcMessages(jdbc).insert(m);
    return m;
  }

  /** A distinct 64-character hex string, as the hashes of keys and tokens are stored. */
  static String hash() {
    return IDS.next() + IDS.next() + "0123456789abcdef";
  }
}
