package dev.switchboard.messagesession;

import java.util.List;

/**
 * The stored part of a session: its public id, conversation and channel, and for SMS our
 * number and the remote numbers (sorted).
 */
public record SessionRow(
    String tenantId,
    String id,
    String conversationId,
    SessionChannel channel,
    String smsNumber,
    List<String> remoteNumbers) {
  public SessionRow {
    remoteNumbers = remoteNumbers == null ? List.of() : List.copyOf(remoteNumbers);
  }

  /** A conversation nobody named as a session: a chat session under the conversation id. */
  public static SessionRow implicit(String tenantId, String conversationId) {
    return new SessionRow(tenantId, conversationId, conversationId, SessionChannel.CHAT, null, null);
  }
}
