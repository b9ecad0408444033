package dev.switchboard.messagesession;

import java.util.List;

/**
 * What a message is within a session: its kind, direction ("term" sent by us, "orig" received
 * from outside, "" between users), numbers, and for SMS the delivery status.
 */
public record SessionItem(
    String tenantId,
    String messageId,
    String conversationId,
    MessageKind kind,
    String direction,
    String fromNumber,
    List<String> toNumbers,
    String status) {
  public static final String TERM = "term";
  public static final String ORIG = "orig";

  public SessionItem {
    toNumbers = toNumbers == null ? List.of() : List.copyOf(toNumbers);
  }
}
