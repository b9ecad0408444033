package dev.switchboard.api.amity.marker;

import dev.switchboard.api.amity.AmityParams;
import dev.switchboard.api.amity.marker.AmityMarkerViews.AmityContentMarker;
import dev.switchboard.api.amity.marker.AmityMarkerViews.AmityMarkersPayload;
import dev.switchboard.conversation.ChannelMember;
import dev.switchboard.conversation.ChannelMembership;
import dev.switchboard.conversation.ReadMarker;
import dev.switchboard.conversation.ReadMarkerService;
import dev.switchboard.conversation.ReadTotals;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageReader;
import dev.switchboard.message.MessageSnapshot;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.shared.Violations;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Amity's marker service: read markers and unread counts (per message feed, per channel and in
 * total) computed from the read cursors members already have. Ids are internal channel ids, as
 * the SDK sends them ({@code channelInternalId}). Moving a cursor logs {@code read.updated}.
 */
@RestController
@Tag(name = "Amity markers", description = "Read markers and unread counts (Amity marker service)")
@SecurityRequirement(name = "bearerToken")
class AmityMarkerController {
  static final int SYNC_PAGE = 100;

  record AmityMarkRead(Long readToSegment) {}

  record AmityMarkerSync(String deviceLastSyncAt) {}

  private final ReadMarkerService markers;
  private final ChannelMembership membership;
  private final MessageReader reader;
  private final UserService users;

  AmityMarkerController(
      ReadMarkerService markers, ChannelMembership membership, MessageReader reader, UserService users) {
    this.markers = markers;
    this.membership = membership;
    this.reader = reader;
    this.users = users;
  }

  @GetMapping("/api/v1/markers/userMarker")
  @Operation(summary = "The caller's unread count over all his channels")
  AmityMarkersPayload userMarker(@Parameter(hidden = true) Actor actor) {
    User me = users.get(actor.tenantId(), actor.userId());
    ReadTotals totals = markers.totals(actor);
    return new AmityMarkersPayload(List.of(AmityMarkerViews.user(me, totals, lastSync(me, totals))),
        null, null, null, null);
  }

  @GetMapping("/api/v1/markers/channels")
  @Operation(summary = "The caller's markers of these channels (internal ids, at most 100)")
  AmityMarkersPayload channels(
      @Parameter(hidden = true) Actor actor,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
    User me = users.get(actor.tenantId(), actor.userId());
    List<ReadMarker> found = markers.of(actor, ids(params, "channelIds"));
    ReadTotals totals = markers.totals(actor);
    return new AmityMarkersPayload(List.of(AmityMarkerViews.user(me, totals, lastSync(me, totals))),
        found.stream().map(m -> AmityMarkerViews.entity(me, m)).toList(), null, null, null);
  }

  @GetMapping("/api/v1/markers/message-feeds")
  @Operation(summary = "The caller's markers of these message feeds (at most 100)")
  AmityMarkersPayload feeds(
      @Parameter(hidden = true) Actor actor,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
    return all(actor, markers.of(actor, ids(params, "messageFeedIds")), null);
  }

  @GetMapping("/api/v1/markers/user-message-feed")
  @Operation(summary = "The caller's feed markers of these channels (internal ids, at most 100)")
  AmityMarkersPayload userMessageFeed(
      @Parameter(hidden = true) Actor actor,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
    User me = users.get(actor.tenantId(), actor.userId());
    List<ReadMarker> found = markers.of(actor, ids(params, "channelIds"));
    return new AmityMarkersPayload(null, null,
        found.stream().map(m -> AmityMarkerViews.userFeed(me, m)).toList(),
        found.stream().map(AmityMarkerViews::feed).toList(), null);
  }

  /**
   * The markers of the caller's channels active after {@code deviceLastSyncAt} (at most 100, oldest
   * first). {@code userMarkers[0].lastSyncAt} is where the next sync continues: the SDK repeats
   * the call while {@code feedMarkers} is not empty.
   */
  @PostMapping("/api/v1/markers/sync")
  @Operation(summary = "Markers changed since the device's last sync")
  AmityMarkersPayload sync(@Parameter(hidden = true) Actor actor, @RequestBody(required = false) AmityMarkerSync body) {
    Instant since = body == null || body.deviceLastSyncAt() == null ? Instant.EPOCH : instant(body.deviceLastSyncAt());
    List<ReadMarker> changed = markers.activeAfter(actor, since, SYNC_PAGE);
    Instant reached = changed.isEmpty() ? since : changed.getLast().conversation().lastActivityAt();
    return all(actor, changed, ceilMillis(reached));
  }

  @PutMapping("/api/v1/markers/message-feeds/{messageFeedId}/mark-read")
  @Operation(summary = "Move the caller's read cursor forward to readToSegment")
  AmityMarkersPayload markFeedRead(
      @Parameter(hidden = true) Actor actor, @PathVariable String messageFeedId, @RequestBody AmityMarkRead body) {
    new Violations().check(body.readToSegment() != null, "readToSegment is required").throwIfAny();
    return all(actor, List.of(markers.markRead(actor, messageFeedId, body.readToSegment())), null);
  }

  @PutMapping("/api/v1/markers/channels/{channelId}/mark-read")
  @Operation(summary = "Mark everything in the channel read")
  AmityMarkersPayload markChannelRead(@Parameter(hidden = true) Actor actor, @PathVariable String channelId) {
    return all(actor, List.of(markers.markRead(actor, channelId, null)), null);
  }

  @GetMapping("/api/v1/markers/messages")
  @Operation(summary = "How many members read each message (at most 10)")
  AmityMarkersPayload messages(
      @Parameter(hidden = true) Actor actor,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
    List<String> wanted = ids(params, "messageIds");
    if (wanted.size() > MessageReader.MAX_IDS) {
      throw DomainException.invalid("messageIds must have at most " + MessageReader.MAX_IDS + " items");
    }
    List<MessageSnapshot> found = wanted.isEmpty() ? List.of() : reader.getAll(actor, wanted);
    Map<String, List<ChannelMember>> members = new HashMap<>();
    Map<String, User> senders = users.byUserId(actor.tenantId(),
        found.stream().map(s -> s.message().senderId()).distinct().toList());
    List<AmityContentMarker> content = new ArrayList<>();
    for (MessageSnapshot s : found) {
      Message m = s.message();
      List<ChannelMember> readers =
          members.computeIfAbsent(m.conversationId(), id -> membership.allStates(actor, id));
      long read = readers.stream()
          .filter(r -> !r.userId().equals(m.senderId()) && r.lastReadSeq() >= m.seq()).count();
      User sender = senders.get(m.senderId());
      content.add(new AmityContentMarker(m.id(), m.conversationId(), m.seq(),
          sender == null ? m.senderId() : sender.id(), read, read, Timestamps.iso(m.createdAt()),
          Timestamps.iso(m.updatedAt())));
    }
    List<String> conversations = found.stream().map(s -> s.message().conversationId()).distinct().toList();
    AmityMarkersPayload feeds = all(actor, markers.of(actor, conversations), null);
    return new AmityMarkersPayload(feeds.userMarkers(), null, null, feeds.feedMarkers(), content);
  }

  /** Every marker list for these feeds, with the caller's totals. */
  private AmityMarkersPayload all(Actor actor, List<ReadMarker> found, Instant lastSyncAt) {
    User me = users.get(actor.tenantId(), actor.userId());
    ReadTotals totals = markers.totals(actor);
    Instant sync = lastSyncAt != null ? lastSyncAt : lastSync(me, totals);
    return new AmityMarkersPayload(
        List.of(AmityMarkerViews.user(me, totals, sync)),
        found.stream().map(m -> AmityMarkerViews.entity(me, m)).toList(),
        found.stream().map(m -> AmityMarkerViews.userFeed(me, m)).toList(),
        found.stream().map(AmityMarkerViews::feed).toList(),
        null);
  }

  /** The newest change among the user's channels (his creation when he has none). */
  private static Instant lastSync(User me, ReadTotals totals) {
    return totals.lastActivityAt() == null ? me.createdAt() : totals.lastActivityAt();
  }

  /**
   * Timestamps go out in milliseconds: rounded up, so that the next sync from this point does
   * not return the same change again (the SDK would loop).
   */
  private static Instant ceilMillis(Instant at) {
    Instant down = at.truncatedTo(ChronoUnit.MILLIS);
    return down.equals(at) ? at : down.plusMillis(1);
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw DomainException.invalid("deviceLastSyncAt must be an ISO-8601 date-time");
    }
  }

  private static List<String> ids(MultiValueMap<String, String> params, String name) {
    return AmityParams.ids(params, name, false, ReadMarkerService.MAX_IDS, 150);
  }
}
