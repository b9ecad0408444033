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

  /** Someone is typing: ephemeral, never logged, lost without harm. */
  record TypingNotice(String tenantId, String conversationId, String userId, List<String> recipients)
      implements BusEvent {}
}
