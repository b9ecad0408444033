package dev.switchboard.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for the channel side of conversations: settings, tags, roles, bans, mutes and
 * queries. Memberships themselves stay in {@link Conversations}. Every call is tenant-scoped.
 */
public interface Channels {
  /** The conversation id of a public channel id: a client channelId, else a conversation id. */
  Optional<String> idOfKey(String tenantId, String key);

  /**
   * Stores the channel settings (key, avatar, metadata, flags) and replaces its tags; returns
   * false, changing nothing, when another channel of the tenant has the key.
   */
  boolean save(String tenantId, String conversationId, String title, ChannelSettings settings);

  /** The channels with these ids, in the given order; unknown ids are skipped. */
  List<Channel> find(String tenantId, List<String> conversationIds);

  /** Ids of the channels matching the query for this user, in the query's order. */
  List<String> query(String tenantId, String userId, ChannelQuery query);

  void muteChannel(String tenantId, String conversationId, Instant until);

  void markDeleted(String tenantId, String conversationId, Instant at);

  List<ChannelMember> members(String tenantId, String conversationId, Collection<String> userIds);

  /** Members filtered by role (empty = any), in join order, paged. */
  List<ChannelMember> members(
      String tenantId, String conversationId, Collection<String> roles, int limit, long offset);


  boolean ban(String tenantId, String conversationId, String userId, Instant at);

  boolean unban(String tenantId, String conversationId, String userId);

  boolean isBanned(String tenantId, String conversationId, String userId);

  List<String> banned(String tenantId, String conversationId, int limit, long offset);

  /** Adds the role to those of the users who are members; returns how many gained it. */
  int addRole(String tenantId, String conversationId, Collection<String> userIds, String role);

  int removeRole(String tenantId, String conversationId, Collection<String> userIds, String role);

  /** Mutes members until the instant (null unmutes). */
  void muteMembers(
      String tenantId, String conversationId, Collection<String> userIds, Instant until);

  /** Moves the mention cursor of those members forward (never back) to {@code seq}. */
  int advanceMentions(
      String tenantId, String conversationId, Collection<String> userIds, long seq);
}
