package dev.switchboard.conversation;

import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorReason;
import dev.switchboard.shared.Violations;
import dev.switchboard.user.UserService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is in a channel and in what state: join, leave, add and remove members, bans, roles,
 * mutes, read and mention cursors. Every change publishes its core event in the transaction.
 */
@Service
public class ChannelMembership {
  static final int MAX_USERS_PER_CALL = 100;
  static final int MAX_ROLE = 100;
  /** Mutes end within ten years; longer periods are refused rather than overflowing. */
  static final long MAX_MUTE_MILLIS = Duration.ofDays(3650).toMillis();

  private final Conversations conversations;
  private final Channels channels;
  private final ChannelMembers channelMembers;
  private final ChannelService channelService;
  private final ConversationAccess access;
  private final UserService users;
  private final Memberships memberships;
  private final Clock clock;

  ChannelMembership(
      Conversations conversations,
      Channels channels,
      ChannelMembers channelMembers,
      ChannelService channelService,
      ConversationAccess access,
      UserService users,
      Memberships memberships,
      Clock clock) {
    this.conversations = conversations;
    this.channels = channels;
    this.channelMembers = channelMembers;
    this.channelService = channelService;
    this.access = access;
    this.users = users;
    this.memberships = memberships;
    this.clock = clock;
  }

  /** Joins an open channel; banned users are refused, conversation channels are invitation-only. */
  @Transactional
  public Channel join(Actor actor, String key) {
    Channel channel = channelService.load(actor, channelService.resolve(actor, key));
    if (channel.settings().isDeleted()) {
      throw DomainException.notFound("channel");
    }
    if (channelMembers.isBanned(actor.tenantId(), channel.id(), actor.userId())) {
      throw DomainException.forbidden(ErrorReason.USER_BANNED, "User is banned from a channel / community.");
    }
    if (!channel.conversation().kind().isOpen()) {
      if (conversations.member(actor.tenantId(), channel.id(), actor.userId()).isEmpty()) {
        throw DomainException.forbidden(ErrorReason.NOT_MEMBER, "Permission denied");
      }
      return channel;
    }
    add(actor.tenantId(), channel.id(), actor.userId(), clock.instant());
    return channelService.load(actor, channel.id());
  }

  @Transactional
  public Channel leave(Actor actor, String key) {
    String id = channelService.resolve(actor, key);
    if (!remove(actor.tenantId(), id, actor.userId(), LeaveCause.LEFT)) {
      throw DomainException.forbidden(ErrorReason.NOT_MEMBER, "User is not a member of a channel");
    }
    return channelService.load(actor, id);
  }

  /** Adds users (1–100); moderators only. Banned users must be unbanned first. */
  @Transactional
  public Channel addMembers(Actor actor, String key, List<String> userIds) {
    String id = moderated(actor, key, userIds);
    Set<String> distinct = existingUsers(actor, userIds);
    for (String userId : distinct) {
      if (channelMembers.isBanned(actor.tenantId(), id, userId)) {
        throw DomainException.forbidden(ErrorReason.USER_BANNED, "User " + userId + " is banned from the channel");
      }
    }
    Instant now = clock.instant();
    distinct.forEach(userId -> add(actor.tenantId(), id, userId, now));
    return channelService.load(actor, id);
  }

  @Transactional
  public Channel removeMembers(Actor actor, String key, List<String> userIds) {
    String id = moderated(actor, key, userIds);
    new LinkedHashSet<>(userIds).forEach(u -> remove(actor.tenantId(), id, u, LeaveCause.REMOVED));
    return channelService.load(actor, id);
  }

  /** Bans users: they lose their membership and cannot join or be added until unbanned. */
  @Transactional
  public Channel ban(Actor actor, String key, List<String> userIds) {
    String id = moderated(actor, key, userIds);
    Instant now = clock.instant();
    for (String userId : existingUsers(actor, userIds)) {
      if (userId.equals(actor.userId())) {
        throw DomainException.forbidden("Some users cannot be banned");
      }
      channelMembers.ban(actor.tenantId(), id, userId, now);
      remove(actor.tenantId(), id, userId, LeaveCause.BANNED);
    }
    return channelService.load(actor, id);
  }

  @Transactional
  public Channel unban(Actor actor, String key, List<String> userIds) {
    String id = moderated(actor, key, userIds);
    new LinkedHashSet<>(userIds).forEach(u -> channelMembers.unban(actor.tenantId(), id, u));
    return channelService.load(actor, id);
  }

  @Transactional
  public Channel addRole(Actor actor, String key, String role, List<String> userIds) {
    String id = moderated(actor, key, userIds);
    requireRole(role);
    channelMembers.addRole(actor.tenantId(), id, new LinkedHashSet<>(userIds), role);
    return channelService.load(actor, id);
  }

  @Transactional
  public Channel removeRole(Actor actor, String key, String role, List<String> userIds) {
    String id = moderated(actor, key, userIds);
    requireRole(role);
    channelMembers.removeRole(actor.tenantId(), id, new LinkedHashSet<>(userIds), role);
    return channelService.load(actor, id);
  }

  /** Mutes the whole channel for {@code millis} (0 unmutes); moderators only. */
  @Transactional
  public void muteChannel(Actor actor, String key, long millis) {
    String id = channelService.resolve(actor, key);
    access.requireModerator(actor, id);
    channels.muteChannel(actor.tenantId(), id, until(millis));
  }

  /** Mutes members for {@code millis} (0 unmutes); moderators only. */
  @Transactional
  public void muteMembers(Actor actor, String key, List<String> userIds, long millis) {
    String id = moderated(actor, key, userIds);
    Instant until = until(millis);
    channelMembers.muteMembers(actor.tenantId(), id, new LinkedHashSet<>(userIds), until);
  }

  /** Moves the actor's read cursor forward to {@code seq} (at most the newest message). */
  @Transactional
  public Channel markSeen(Actor actor, String key, long seq) {
    new Violations().check(seq >= 0, "readToSegment must not be negative").throwIfAny();
    Conversation conversation = access.requireMember(actor, channelService.resolve(actor, key));
    long to = Math.min(seq, conversation.lastSeq());
    memberships.markRead(actor.tenantId(), conversation.id(), actor.userId(), to);
    return channelService.load(actor, conversation.id());
  }

  /**
   * Records that message {@code seq} mentions these users (members only; others are ignored).
   * Called by the message module inside the transaction that posts the message.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void mention(String tenantId, String conversationId, Collection<String> userIds, long seq) {
    channelMembers.advanceMentions(tenantId, conversationId, userIds, seq);
  }

  /** Records that message {@code seq} mentions the whole channel (Amity "channel" mentions). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void mentionEveryone(String tenantId, String conversationId, long seq) {
    List<String> all =
        conversations.members(tenantId, conversationId).stream().map(Member::userId).toList();
    channelMembers.advanceMentions(tenantId, conversationId, all, seq);
  }

  /** The state of these members (for side-loading); non-members are absent. */
  @Transactional(readOnly = true)
  public List<ChannelMember> states(Actor actor, String conversationId, Collection<String> userIds) {
    return channelMembers.members(actor.tenantId(), conversationId, userIds);
  }

  /**
   * Every member's state (conversation channels have at most 1000 members), for payloads built
   * after an access-checked operation.
   */
  @Transactional(readOnly = true)
  public List<ChannelMember> allStates(Actor actor, String conversationId) {
    return channelMembers.members(
        actor.tenantId(), conversationId, List.of(), ConversationService.MAX_GROUP_MEMBERS, 0);
  }

  /** Members of a channel the actor may see, optionally by role, paged. */
  @Transactional(readOnly = true)
  public List<ChannelMember> members(
      Actor actor, String key, Collection<String> roles, int limit, long offset) {
    Channel channel = channelService.get(actor, key);
    return channelMembers.members(actor.tenantId(), channel.id(), roles, limit, offset);
  }

  /** Banned users of a channel; moderators only. */
  @Transactional(readOnly = true)
  public List<String> banned(Actor actor, String key, int limit, long offset) {
    String id = channelService.resolve(actor, key);
    access.requireModerator(actor, id);
    return channelMembers.banned(actor.tenantId(), id, limit, offset);
  }

  private String moderated(Actor actor, String key, List<String> userIds) {
    String id = channelService.resolve(actor, key);
    ChannelLimits.requireUserIds(userIds, MAX_USERS_PER_CALL);
    access.requireModerator(actor, id);
    return id;
  }

  private Set<String> existingUsers(Actor actor, List<String> userIds) {
    Set<String> distinct = new LinkedHashSet<>(userIds);
    if (users.getAll(actor.tenantId(), distinct).size() != distinct.size()) {
      throw DomainException.notFound("user");
    }
    return distinct;
  }

  private void add(String tenantId, String conversationId, String userId, Instant at) {
    memberships.join(tenantId, conversationId, userId, at);
  }

  private boolean remove(String tenantId, String conversationId, String userId, LeaveCause cause) {
    return memberships.leave(tenantId, conversationId, userId, cause);
  }

  private static void requireRole(String role) {
    new Violations()
        .check(role != null && !role.isEmpty() && role.length() <= MAX_ROLE,
            "role must be between 1 and " + MAX_ROLE + " characters")
        .throwIfAny();
  }

  private Instant until(long millis) {
    new Violations()
        .check(millis >= 0 && millis <= MAX_MUTE_MILLIS,
            "mutePeriod must be between 0 and " + MAX_MUTE_MILLIS + " milliseconds")
        .throwIfAny();
    return millis == 0 ? null : clock.instant().plusMillis(millis);
  }
}
