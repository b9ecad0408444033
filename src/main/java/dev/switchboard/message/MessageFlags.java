package dev.switchboard.message;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Storage port for flags (one per user and message). Every call is scoped to one tenant. */
public interface MessageFlags {
  /** Returns false when the user had already flagged the message. */
  boolean add(String tenantId, String messageId, String userId, Instant at);

  /** Returns false when the user had not flagged the message. */
  boolean remove(String tenantId, String messageId, String userId);

  void clear(String tenantId, String messageId);

  /** Per message: the ids of the users who flagged it. */
  Map<String, List<String>> flaggers(String tenantId, Collection<String> messageIds);
}
