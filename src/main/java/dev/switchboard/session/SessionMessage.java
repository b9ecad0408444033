package dev.switchboard.session;

import dev.switchboard.message.Message;

/** A message of a session with what the session knows about it (null: a plain chat message). */
public record SessionMessage(Message message, SessionItem item) {
  public MessageKind kind() {
    return item == null ? MessageKind.CHAT : item.kind();
  }
}
