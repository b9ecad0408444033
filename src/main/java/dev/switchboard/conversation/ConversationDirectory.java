package dev.switchboard.conversation;

import java.util.List;

/**
 * Storage port for the operator's view of a domain's conversations, most recent activity first.
 * Every call is scoped to one tenant.
 */
public interface ConversationDirectory {
  List<Conversation> search(String tenantId, ConversationSearch search, int limit, long offset);

  long count(String tenantId, ConversationSearch search);
}
