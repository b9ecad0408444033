package dev.switchboard.conversation;

import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorReason;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Violations;
import dev.switchboard.user.UserService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channels: conversations with a public id, settings, tags and moderators. Open channels
 * (community, live, broadcast) are visible to the whole domain; conversation channels (group
 * and direct chats) only to their members.
 */
@Service
public class ChannelService {
  static final int MAX_CONVERSATION_USERS = 10;
  /** "Muted" with no end: the farthest instant both databases store comfortably. */
  static final Instant FOREVER = Instant.parse("9999-12-31T00:00:00Z");

  private final Conversations conversations;
  private final Channels channels;
  private final ChannelMembers channelMembers;
  private final ConversationAccess access;
  private final UserService users;
  private final Ids ids;
  private final Memberships memberships;
  private final Clock clock;

  ChannelService(
      Conversations conversations,
      Channels channels,
      ChannelMembers channelMembers,
      ConversationAccess access,
      UserService users,
      Ids ids,
      Memberships memberships,
      Clock clock) {
    this.conversations = conversations;
    this.channels = channels;
    this.channelMembers = channelMembers;
    this.access = access;
    this.users = users;
    this.ids = ids;
    this.memberships = memberships;
    this.clock = clock;
  }

  /** Creates an open channel; the creator joins as its moderator, the listed users as members. */
  @Transactional
  public Channel create(Actor actor, NewChannel request) {
    request.validate();
    if (!request.kind().isOpen()) {
      throw DomainException.invalid("type must be community, live or broadcast");
    }
    if (request.key() != null && channels.idOfKey(actor.tenantId(), request.key()).isPresent()) {
      throw DomainException.conflict("Channel " + request.key() + " already exists");
    }
    Set<String> members = new LinkedHashSet<>();
    members.add(actor.userId());
    members.addAll(request.userIds());
    requireUsers(actor, members);
    Instant now = clock.instant();
    Conversation conversation =
        new Conversation(
            actor.tenantId(), ids.next(), request.kind(), request.displayName(), 0, now, now);
    conversations.insert(conversation, null);
    ChannelSettings settings =
        new ChannelSettings(
            request.key() == null ? conversation.id() : request.key(),
            request.avatarFileId(),
            request.metadata(),
            List.copyOf(new LinkedHashSet<>(request.tags())),
            request.muted() ? FOREVER : null,
            request.autoDeleteEnabled(),
            request.autoDeleteFlagLimit(),
            request.isPublic(),
            null,
            now);
    save(actor, conversation, settings);
    if (request.muted()) {
      channels.muteChannel(actor.tenantId(), conversation.id(), FOREVER);
    }
    members.forEach(userId -> join(actor.tenantId(), conversation.id(), userId, now));
    channelMembers.addRole(
        actor.tenantId(), conversation.id(), List.of(actor.userId()), ChannelRoles.CHANNEL_MODERATOR);
    return load(actor, conversation.id());
  }

  /**
   * A conversation channel of the actor and up to 10 users. With {@code distinct}, the same set
   * of users always gets the same channel (for two users, the direct chat every dialect shares).
   */
  @Transactional
  public Channel createConversation(
      Actor actor, List<String> userIds, boolean distinct, ChannelUpdate details) {
    ChannelLimits.requireUserIds(userIds, MAX_CONVERSATION_USERS);
    details.validate();
    Set<String> members = new TreeSet<>(userIds);
    members.add(actor.userId());
    requireUsers(actor, members);
    Instant now = clock.instant();
    ConversationKind kind = members.size() == 2 && distinct ? ConversationKind.DIRECT : ConversationKind.GROUP;
    String distinctKey = distinct ? distinctKey(members) : null;
    if (distinctKey != null) {
      var existing = conversations.findDirect(actor.tenantId(), distinctKey);
      if (existing.isPresent()) {
        return load(actor, existing.get().id());
      }
    }
    Conversation conversation =
        new Conversation(actor.tenantId(), ids.next(), kind, details.displayName(), 0, now, now);
    if (!conversations.insert(conversation, distinctKey)) {
      return load(actor, conversations.findDirect(actor.tenantId(), distinctKey).orElseThrow().id());
    }
    save(
        actor,
        conversation,
        new ChannelSettings(
            conversation.id(), details.avatarFileId(), details.metadata(),
            details.tags() == null ? List.of() : List.copyOf(new LinkedHashSet<>(details.tags())),
            null, false, null, false, null, now));
    members.forEach(userId -> join(actor.tenantId(), conversation.id(), userId, now));
    channelMembers.addRole(
        actor.tenantId(), conversation.id(), List.of(actor.userId()), ChannelRoles.CHANNEL_MODERATOR);
    return load(actor, conversation.id());
  }

  /** The channel with this public id, if the actor may see it. */
  @Transactional(readOnly = true)
  public Channel get(Actor actor, String key) {
    return visible(actor, load(actor, resolve(actor, key)));
  }

  /** The visible channels among these public ids, in order; others are left out. */
  @Transactional(readOnly = true)
  public List<Channel> getMany(Actor actor, List<String> keys) {
    List<String> found =
        keys.stream()
            .map(k -> channels.idOfKey(actor.tenantId(), k).orElse(null))
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    return channels.find(actor.tenantId(), found).stream()
        .filter(c -> c.conversation().kind().isOpen() || isMember(actor, c.id()))
        .toList();
  }

  @Transactional(readOnly = true)
  public List<Channel> query(Actor actor, ChannelQuery query) {
    new Violations()
        .check(query.limit() >= 1 && query.limit() <= 100, "options.limit must be between 1 and 100")
        .maxLength("keyword", query.keyword(), 100)
        .throwIfAny();
    return channels.find(actor.tenantId(), channels.query(actor.tenantId(), actor.userId(), query));
  }

  /** Changes settings; moderators only. */
  @Transactional
  public Channel update(Actor actor, String key, ChannelUpdate update) {
    update.validate();
    Channel channel = load(actor, resolve(actor, key));
    access.requireModerator(actor, channel.id());
    ChannelSettings s = channel.settings();
    ChannelSettings changed =
        new ChannelSettings(
            s.key(),
            update.avatarFileId() != null ? update.avatarFileId() : s.avatarFileId(),
            update.metadata() != null ? update.metadata() : s.metadata(),
            update.tags() != null ? List.copyOf(new LinkedHashSet<>(update.tags())) : s.tags(),
            s.mutedUntil(),
            update.autoDeleteEnabled() != null ? update.autoDeleteEnabled() : s.autoDeleteEnabled(),
            update.autoDeleteFlagLimit() != null ? update.autoDeleteFlagLimit() : s.autoDeleteFlagLimit(),
            s.isPublic(),
            s.deletedAt(),
            clock.instant());
    String title =
        update.displayName() != null ? update.displayName() : channel.conversation().title();
    channels.save(actor.tenantId(), channel.id(), title, changed);
    return load(actor, channel.id());
  }

  /** Marks the channel deleted (kept, as Amity keeps it, with isDeleted); moderators only. */
  @Transactional
  public void delete(Actor actor, String key) {
    String id = resolve(actor, key);
    access.requireModerator(actor, id);
    channels.markDeleted(actor.tenantId(), id, clock.instant());
  }

  /** The conversation id of a public channel id in the actor's domain. */
  @Transactional(readOnly = true)
  public String resolve(Actor actor, String key) {
    if (key == null || key.isEmpty() || key.length() > 150) {
      throw DomainException.notFound("channel");
    }
    return channels.idOfKey(actor.tenantId(), key).orElseThrow(() -> DomainException.notFound("channel"));
  }

  Channel load(Actor actor, String conversationId) {
    return channels.find(actor.tenantId(), List.of(conversationId)).stream()
        .findFirst()
        .orElseThrow(() -> DomainException.notFound("channel"));
  }

  private Channel visible(Actor actor, Channel channel) {
    if (!channel.conversation().kind().isOpen() && !isMember(actor, channel.id())) {
      throw DomainException.forbidden(ErrorReason.NOT_MEMBER, "User is not a member of a channel");
    }
    return channel;
  }

  private boolean isMember(Actor actor, String conversationId) {
    return conversations.member(actor.tenantId(), conversationId, actor.userId()).isPresent();
  }

  private void save(Actor actor, Conversation conversation, ChannelSettings settings) {
    if (!channels.save(actor.tenantId(), conversation.id(), conversation.title(), settings)) {
      throw DomainException.conflict("Channel " + settings.key() + " already exists");
    }
  }

  private void requireUsers(Actor actor, Set<String> userIds) {
    if (users.getAll(actor.tenantId(), userIds).size() != userIds.size()) {
      throw DomainException.notFound("user");
    }
  }

  private void join(String tenantId, String conversationId, String userId, Instant at) {
    memberships.join(tenantId, conversationId, userId, at);
  }

  /** Two users: the direct key every dialect shares; more: a digest of the sorted set. */
  static String distinctKey(Set<String> sortedUserIds) {
    if (sortedUserIds.size() == 2) {
      var it = sortedUserIds.iterator();
      return DirectKey.of(it.next(), it.next());
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.join("\n", sortedUserIds).getBytes(StandardCharsets.UTF_8));
      return "distinct:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
