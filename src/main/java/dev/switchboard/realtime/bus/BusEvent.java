package dev.switchboard.realtime.bus;

import java.time.Instant;
import java.util.List;

/**
 * What travels to connections, on this node and between nodes. Nodes route by their own
 * connections' subscriptions, so no member list travels. Nothing here is the truth; the log is.
 */
public sealed interface BusEvent {
  /**
   * The changes one transaction committed, in log order: routed together, so that whoever is a
   * member once they are committed hears all of them (a user added to a new conversation hears
   * of the members who joined before him in the same transaction).
   */
  record Changes(List<ChangeNotice> notices) implements BusEvent {
    public Changes {
      notices = List.copyOf(notices);
    }
  }

  /**
   * Every credential of a user ({@code userId}), or of a whole domain ({@code userId} "*"), was
   * revoked at {@code at}: each node refuses their tokens and closes their connections.
   */
  record AccessRevocation(String tenantId, String userId, Instant at) implements BusEvent {}

  /** Someone is typing: ephemeral, never logged, lost without harm. */
  record TypingNotice(String tenantId, String conversationId, String userId) implements BusEvent {}

  /**
   * A committed change with its frame rendered once for every receiver. {@code subjectId} is the
   * user a membership change is about (null for other events): he starts or stops hearing about
   * the conversation with it. {@code loggedAt} is when the change entered the log, by the
   * committing node's clock (null from an older node): what the delivery lag is measured from.
   */
  record ChangeNotice(
      String tenantId,
      String conversationId,
      long changeSeq,
      String event,
      String subjectId,
      String frame,
      Instant loggedAt) {}
}
