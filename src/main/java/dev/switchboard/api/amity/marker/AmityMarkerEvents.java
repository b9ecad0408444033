package dev.switchboard.api.amity.marker;

import dev.switchboard.api.amity.marker.AmityMarkerViews.AmityMarkersPayload;
import dev.switchboard.conversation.ReadMarker;
import dev.switchboard.conversation.ReadMarkerService;
import dev.switchboard.shared.Actor;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The marker payloads of realtime events, in the same shapes as {@code /api/v1/markers}: the MQTT
 * gateway's {@code marker.userFeed-updated} after a reader's cursor moved.
 */
@Component
public class AmityMarkerEvents {
  private final ReadMarkerService markers;
  private final UserService users;

  AmityMarkerEvents(ReadMarkerService markers, UserService users) {
    this.markers = markers;
    this.users = users;
  }

  /**
   * {@code {userFeedMarkers:[…], feedMarkers:[…]}} of the reader in one channel (its one feed),
   * from which the SDK computes the feed's and the channel's unread counts; empty once he is no
   * longer a member.
   */
  public Optional<Object> feedUpdated(Actor reader, String conversationId) {
    List<ReadMarker> found = markers.of(reader, List.of(conversationId));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    User user = users.get(reader.tenantId(), reader.userId());
    ReadMarker marker = found.getFirst();
    return Optional.of(new AmityMarkersPayload(null, null,
        List.of(AmityMarkerViews.userFeed(user, marker)), List.of(AmityMarkerViews.feed(marker)), null));
  }
}
