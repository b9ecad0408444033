package dev.switchboard.realtime.gateway;

import dev.switchboard.feed.Change;
import dev.switchboard.realtime.ChangeFeed;
import dev.switchboard.realtime.ChangeView;
import dev.switchboard.realtime.bus.BusEvent.ChangeNotice;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A connection's position in each conversation: the last change sequence it was sent. Frames go
 * out strictly in order, each exactly once: older or repeated notices are dropped, and a notice
 * beyond the next expected one first replays the gap from the change log. Since sequences are
 * taken under the conversation lock, a committed change implies all earlier ones are committed.
 * Only the connection's drain task calls these methods.
 */
final class Subscriptions {
  private static final int PAGE = 500;

  interface Factory {
    Subscriptions create(Connection connection);
  }

  private final Connection connection;
  private final ChangeFeed feed;
  private final JsonMapper json;
  private final Frames frames;
  private final Consumer<String> follow;
  private final RealtimeMeters meters;
  private final Map<String, Long> cursors = new HashMap<>();
  private final Instant since;

  /**
   * @param follow routes a conversation's events to the connection (after a resume allowed it)
   * @param since when the connection opened: it is sent every change logged from then on
   */
  Subscriptions(
      Connection connection,
      ChangeFeed feed,
      JsonMapper json,
      Frames frames,
      Consumer<String> follow,
      RealtimeMeters meters,
      Instant since) {
    this.connection = connection;
    this.since = since;
    this.meters = meters;
    this.feed = feed;
    this.json = json;
    this.frames = frames;
    this.follow = follow;
  }

  void deliver(ChangeNotice notice) {
    String conversationId = notice.conversationId();
    Long cursor = cursors.get(conversationId);
    if (cursor == null) {
      // The first news of this conversation on this connection (e.g. joined after connecting):
      // a change logged since the connection opened may have committed before this one while
      // its notice is still on the way.
      cursor = feed.startFor(connection.actor().tenantId(), conversationId, notice.changeSeq(), since);
      cursors.put(conversationId, cursor);
    }
    if (notice.changeSeq() == cursor + 1) {
      send(notice.changeSeq(), notice.frame(), conversationId);
      meters.live(notice.loggedAt());
    } else if (notice.changeSeq() > cursor + 1) {
      meters.gaps.increment();
      replay(conversationId);
    } else {
      meters.duplicates.increment();
    }
  }

  /** Resumes each conversation after the client's position: authorizes, replays, then live. */
  void resume(Map<String, Long> positions) {
    meters.resumes.increment();
    Map<String, Long> accepted = new LinkedHashMap<>();
    for (var entry : positions.entrySet()) {
      String conversationId = entry.getKey();
      try {
        feed.requireMember(connection.actor(), conversationId);
      } catch (DomainException refused) {
        connection.send(frames.error(code(refused), refused.getMessage(), conversationId));
        continue;
      }
      follow.accept(conversationId);
      cursors.put(conversationId, entry.getValue());
      replay(conversationId);
      if (cursors.containsKey(conversationId)) {
        accepted.put(conversationId, cursors.get(conversationId));
      }
    }
    connection.send(frames.resumed(accepted));
  }

  /** After a bus outage: whatever was missed is in the log. */
  void catchUpAll() {
    List.copyOf(cursors.keySet()).forEach(this::replay);
  }

  private void replay(String conversationId) {
    String tenantId = connection.actor().tenantId();
    boolean more = true;
    while (more && connection.isOpen()) {
      ChangeFeed.Page page;
      try {
        page = feed.read(tenantId, conversationId, cursors.get(conversationId), PAGE);
      } catch (DomainException e) {
        if (e.code() != ErrorCode.RESYNC_REQUIRED) {
          throw e;
        }
        cursors.remove(conversationId);
        connection.send(frames.resync(conversationId, e.getMessage()));
        return;
      }
      for (Change change : page.changes()) {
        send(change.changeSeq(), json.writeValueAsString(ChangeView.frame(change)), conversationId);
        meters.replayedFrames.increment();
      }
      more = page.hasMore();
    }
  }

  private void send(long changeSeq, String frame, String conversationId) {
    connection.send(frame);
    cursors.put(conversationId, changeSeq);
  }

  private static String code(DomainException e) {
    return e.code() == ErrorCode.NOT_FOUND ? "not_found" : "forbidden";
  }
}
