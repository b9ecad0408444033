package dev.switchboard.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Storage port for channel members' side of a channel: their roles, bans, mutes and mention
 * cursors (joining and leaving are {@link Conversations}'). Every call is tenant-scoped.
 */
public interface ChannelMembers {
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
