package dev.switchboard.conversation;

import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Violations;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read markers and unread counts of the caller, from the read cursors members already have
 * ({@code last_read_seq}, {@code last_mentioned_seq}). Moving a cursor logs {@code read.updated}
 * in the conversation's change feed (realtime faces map it to their own marker events).
 */
@Service
public class ReadMarkerService {
  public static final int MAX_IDS = 100;

  private final ReadMarkerQueries markers;
  private final ConversationAccess access;
  private final Memberships memberships;

  ReadMarkerService(ReadMarkerQueries markers, ConversationAccess access, Memberships memberships) {
    this.markers = markers;
    this.access = access;
    this.memberships = memberships;
  }

  /** The caller's markers in these conversations (those he is not a member of are left out). */
  @Transactional(readOnly = true)
  public List<ReadMarker> of(Actor actor, List<String> conversationIds) {
    new Violations()
        .check(conversationIds.size() <= MAX_IDS, "at most " + MAX_IDS + " ids")
        .throwIfAny();
    return markers.of(actor.tenantId(), actor.userId(), conversationIds);
  }

  /** The caller's markers of conversations active after {@code after}, oldest first. */
  @Transactional(readOnly = true)
  public List<ReadMarker> activeAfter(Actor actor, Instant after, int limit) {
    new Violations().check(limit >= 1 && limit <= MAX_IDS, "limit must be 1 to " + MAX_IDS).throwIfAny();
    return markers.activeAfter(actor.tenantId(), actor.userId(), after, limit);
  }

  @Transactional(readOnly = true)
  public ReadTotals totals(Actor actor) {
    return markers.totals(actor.tenantId(), actor.userId());
  }

  /**
   * Moves the caller's read cursor forward to {@code seq}, clamped to the newest message (null:
   * the newest); members only. A cursor never moves back.
   */
  @Transactional
  public ReadMarker markRead(Actor actor, String conversationId, Long seq) {
    new Violations().check(seq == null || seq >= 0, "readToSegment must not be negative").throwIfAny();
    Conversation conversation = access.requireMember(actor, conversationId);
    long to = seq == null ? conversation.lastSeq() : Math.min(seq, conversation.lastSeq());
    memberships.markRead(actor.tenantId(), conversation.id(), actor.userId(), to);
    return markers.of(actor.tenantId(), actor.userId(), List.of(conversation.id())).getFirst();
  }
}
