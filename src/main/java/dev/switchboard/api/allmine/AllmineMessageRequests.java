package dev.switchboard.api.allmine;

import dev.switchboard.conversation.ConversationRef;
import dev.switchboard.file.Upload;
import dev.switchboard.message.MessageType;
import dev.switchboard.message.PostMessage;
import dev.switchboard.shared.DomainException;
import java.util.List;

/**
 * Allmine send requests to the core's one command: {@code chatId} names the conversation,
 * {@code targetUserId} the direct chat with a user (with both, they must agree), the type is one
 * of Allmine's, {@code content} the text or a media message's caption. (The {@code
 * Idempotency-Key} header is the request's, handled by {@code MessageService.post}'s keyed form.)
 */
final class AllmineMessageRequests {
  /** The types Allmine clients send (credit transfers are written by transfers, and refused). */
  private static final List<MessageType> TYPES =
      List.of(MessageType.TEXT, MessageType.IMAGE, MessageType.VIDEO, MessageType.AUDIO,
          MessageType.FILE, MessageType.CREDIT_TRANSFER);

  private AllmineMessageRequests() {}

  /**
   * @param fileId an uploaded file's id, or null
   * @param upload the file sent with the message, or null
   */
  static PostMessage post(
      String chatId, String targetUserId, String type, String content, String fileId,
      Upload upload) {
    MessageType parsed = type(type);
    if (parsed != null && parsed.carriesFile() && fileId == null && upload == null) {
      throw DomainException.invalid("type " + type + " needs a file");
    }
    ConversationRef target =
        chatId != null ? new ConversationRef.Id(chatId)
            : targetUserId != null ? new ConversationRef.DirectWith(targetUserId)
            : null;
    return PostMessage.to(target)
        .directPeer(chatId != null ? targetUserId : null)
        .type(parsed)
        .text(content)
        .storedFile(fileId)
        .upload(upload)
        .build();
  }

  /** Null for a blank type (the core names it with the other missing fields). */
  private static MessageType type(String type) {
    if (type == null || type.isBlank()) {
      return null;
    }
    return MessageType.fromWireName(type)
        .filter(TYPES::contains)
        .orElseThrow(() -> DomainException.invalid("type must be one of text, image, video, audio, file"));
  }
}
