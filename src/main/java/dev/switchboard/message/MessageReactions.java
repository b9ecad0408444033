package dev.switchboard.message;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage port for reactions. Every call is scoped to one tenant. */
public interface MessageReactions {
  /** Inserts; returns false when the user already has this reaction on the message. */
  boolean add(Reaction reaction);

  Optional<Reaction> find(String tenantId, String messageId, String userId, String name);

  void remove(String tenantId, String reactionId);

  /** Per message: reaction name to number of users, names in first-use order. */
  Map<String, Map<String, Long>> counts(String tenantId, Collection<String> messageIds);

  /** Per message: the names {@code userId} reacted with. */
  Map<String, List<String>> namesOf(String tenantId, Collection<String> messageIds, String userId);

  /** Reactions on a message, oldest first, after the reaction {@code afterId} (null: from start). */
  List<Reaction> list(String tenantId, String messageId, String name, String afterId, int limit);
}
