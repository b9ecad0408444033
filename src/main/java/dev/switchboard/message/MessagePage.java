package dev.switchboard.message;

import java.util.List;

/**
 * A slice of a conversation's messages in ascending sequence order, and whether older or newer
 * messages matching the same filters exist beyond it.
 */
public record MessagePage(List<MessageSnapshot> messages, boolean hasOlder, boolean hasNewer) {
  public long firstSeq() {
    return messages.isEmpty() ? 0 : messages.getFirst().message().seq();
  }

  public long lastSeq() {
    return messages.isEmpty() ? 0 : messages.getLast().message().seq();
  }
}
