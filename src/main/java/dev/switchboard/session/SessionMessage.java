package dev.switchboard.session;

import dev.switchboard.file.StoredFile;
import dev.switchboard.message.Message;

/**
 * A message of a session with what the session knows about it ({@code item} null: a plain chat
 * message) and its file as the viewer may see it (null: none, or not readable by him).
 */
public record SessionMessage(Message message, SessionItem item, StoredFile file) {
  public MessageKind kind() {
    return item == null ? MessageKind.CHAT : item.kind();
  }
}
