package dev.switchboard.realtime.bus;

import java.util.List;

/** What travels between nodes: who should hear about what. Nothing here is the truth; the log is. */
public sealed interface BusEvent {
  String tenantId();

  String conversationId();

  /** The users whose connections, on any node, should receive this. */
  List<String> recipients();

  /** A committed change, with its frame already rendered once for every receiver. */
  record ChangeNotice(
      String tenantId, String conversationId, long changeSeq, String frame, List<String> recipients)
      implements BusEvent {}

  /**
   * Every credential of a user ({@code userId}), or of a whole domain ({@code userId} "*"), was
   * revoked at {@code at}: each node refuses their tokens and closes their connections. Not
   * about one conversation ({@code conversationId} is null).
   */
  record AccessRevocation(String tenantId, String userId, java.time.Instant at)
      implements BusEvent {
    @Override
    public String conversationId() {
      return null;
    }

    @Override
    public List<String> recipients() {
      return List.of(userId);
    }
  }

  /** Someone is typing: ephemeral, never logged, lost without harm. */
  record TypingNotice(String tenantId, String conversationId, String userId, List<String> recipients)
      implements BusEvent {}
}
