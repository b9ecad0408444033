package dev.switchboard.message;

import java.util.List;

/** Storage port for the operator's reads of a domain's messages. Every call is tenant-scoped. */
public interface OperatorMessages {
  /** Messages that are flagged and not deleted, most flags first, paged. */
  List<Message> flagged(String tenantId, int limit, long offset);

  long countFlagged(String tenantId);

  /** Ids of the sender's messages not yet deleted, by id, after {@code afterId} (null: first). */
  List<String> undeletedBy(String tenantId, String senderId, String afterId, int limit);

  /** The conversations the sender ever posted into. */
  List<String> conversationsOf(String tenantId, String senderId);
}
