package dev.switchboard.api.amity.marker;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.conversation.ReadMarker;
import dev.switchboard.conversation.ReadTotals;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.user.User;
import java.util.List;

/**
 * Amity's marker objects (marker service, {@code /api/v1/markers}). {@code userId} is the user's
 * internal id and {@code entityId}/{@code feedId} the channel's internal id (its one message
 * feed, ADR 0019), as the SDK keys its marker cache. Delivery is not tracked apart from reading:
 * {@code deliveredToSegment} is the read cursor.
 */
final class AmityMarkerViews {
  private AmityMarkerViews() {}

  /** Every marker list an answer may carry; the lists an operation does not return are absent. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AmityMarkersPayload(
      List<AmityUserMarker> userMarkers,
      List<AmityEntityMarker> userEntityMarkers,
      List<AmityUserFeedMarker> userFeedMarkers,
      List<AmityFeedMarker> feedMarkers,
      List<AmityContentMarker> contentMarkers) {}

  record AmityUserMarker(
      String userId, String lastSyncAt, long unreadCount, boolean isMentioned, String createdAt, String updatedAt) {}

  record AmityEntityMarker(
      String userId,
      String entityId,
      long unreadCount,
      boolean isDeleted,
      boolean isMentioned,
      String membership,
      String createdAt,
      String updatedAt) {}

  record AmityUserFeedMarker(
      String userId,
      String entityId,
      String feedId,
      long readToSegment,
      long deliveredToSegment,
      long unreadCount,
      long lastMentionSegment,
      boolean isMentioned,
      String createdAt,
      String updatedAt) {}

  record AmityFeedMarker(
      String entityId, String feedId, long lastSegment, boolean isDeleted, String createdAt, String updatedAt) {}

  record AmityContentMarker(
      String contentId,
      String feedId,
      long segment,
      String creatorId,
      long readCount,
      long deliveredCount,
      String createdAt,
      String updatedAt) {}

  static AmityUserMarker user(User user, ReadTotals totals, java.time.Instant lastSyncAt) {
    return new AmityUserMarker(user.id(), Timestamps.iso(lastSyncAt), totals.unreadCount(),
        totals.mentioned(), Timestamps.iso(user.createdAt()),
        Timestamps.iso(totals.lastActivityAt() == null ? user.updatedAt() : totals.lastActivityAt()));
  }

  static AmityEntityMarker entity(User user, ReadMarker m) {
    var c = m.conversation();
    return new AmityEntityMarker(user.id(), c.id(), m.unreadCount(), false, m.mentioned(), "member",
        Timestamps.iso(c.createdAt()), Timestamps.iso(c.lastActivityAt()));
  }

  static AmityUserFeedMarker userFeed(User user, ReadMarker m) {
    var c = m.conversation();
    return new AmityUserFeedMarker(user.id(), c.id(), c.id(), m.lastReadSeq(), m.lastReadSeq(),
        m.unreadCount(), m.lastMentionedSeq(), m.mentioned(), Timestamps.iso(c.createdAt()),
        Timestamps.iso(c.lastActivityAt()));
  }

  static AmityFeedMarker feed(ReadMarker m) {
    var c = m.conversation();
    return new AmityFeedMarker(c.id(), c.id(), c.lastSeq(), false, Timestamps.iso(c.createdAt()),
        Timestamps.iso(c.lastActivityAt()));
  }
}
