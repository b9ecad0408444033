package dev.switchboard.messagesession;

import dev.switchboard.file.StoredFile;
import dev.switchboard.message.Message;

/**
 * A message of a session with what the session knows about it ({@code item} null: a plain chat
 * message) and its file as the viewer may see it (null: none, or not readable by him).
 */
public record SessionMessage(Message message, SessionItem item, StoredFile file) {
  /** What the session knows, else what the message is: a chat message with a file is chat-media. */
  public MessageKind kind() {
    if (item != null) {
      return item.kind();
    }
    return message.fileId() == null ? MessageKind.CHAT : MessageKind.CHAT_MEDIA;
  }
}
