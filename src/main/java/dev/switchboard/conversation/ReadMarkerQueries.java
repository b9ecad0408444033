package dev.switchboard.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Storage port for read markers (read cursors with unread counts); every call is tenant-scoped. */
public interface ReadMarkerQueries {
  /** The user's markers in these conversations; those he is not a member of are left out. */
  List<ReadMarker> of(String tenantId, String userId, Collection<String> conversationIds);

  /**
   * The user's markers in conversations active after {@code after}, oldest activity first, at
   * most {@code limit}.
   */
  List<ReadMarker> activeAfter(String tenantId, String userId, Instant after, int limit);

  ReadTotals totals(String tenantId, String userId);
}
