package dev.switchboard.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage port for the channel side of conversations: settings, tags, channel mutes, deletion
 * and queries. Members' roles, bans and mutes are {@link ChannelMembers}'; memberships
 * themselves stay in {@link Conversations}. Every call is tenant-scoped.
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
}
