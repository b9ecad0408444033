package dev.switchboard.message;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage port for messages. Every call is scoped to one tenant. */
public interface Messages {
  /**
   * Inserts a message.
   *
   * @throws ClientKeyTaken when the sender already has a message with this client id
   */
  void insert(Message message);

  Optional<Message> findByClientKey(String tenantId, String senderId, String clientKey);

  /** Messages with {@code fromSeq < seq <= toSeq}, newest first. */
  List<Message> range(String tenantId, String conversationId, long fromSeq, long toSeq);

  /** The newest message of each conversation that has one. */
  List<Message> latest(String tenantId, Collection<String> conversationIds);

  /**
   * A message by its id or, failing that, by a client id (Amity lets the client choose a
   * message's public id): the caller's own message first, then the oldest.
   */
  Optional<Message> findByPublicId(String tenantId, String publicId, String callerId);

  /** The messages matching {@link MessageQuery}, in ascending sequence order. */
  List<Message> query(String tenantId, MessageQuery query);

  /**
   * Locks the message row until the transaction ends, serializing reactions, flags and edits of
   * one message; returns the message as it is under the lock.
   */
  Optional<Message> lock(String tenantId, String messageId);

  /** Counts one more reply in the thread of {@code parentId}. */
  void incrementChildren(String tenantId, String parentId);

  /** Stores content, details (except counters) and {@code updatedAt} of an existing message. */
  void update(Message message);

  /** Sets the number of users who flagged the message. */
  void setFlagCount(String tenantId, String messageId, long flagCount);

  void setLatestReaction(String tenantId, String messageId, LatestReaction latest);
}
