package dev.switchboard.message;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Violations;

/**
 * A request to post a message, into {@code conversationId} or into the direct chat with {@code
 * targetUserId} (at least one is required; both must agree). {@code clientId} makes retries
 * idempotent. Text messages need {@code content}; media messages (image, video, audio, file) need
 * a file — an uploaded {@code fileId}, or an upload posted together with the message — and take
 * {@code content} as an optional caption.
 */
public record PostMessage(
    String conversationId,
    String targetUserId,
    String type,
    String content,
    String clientId,
    String fileId) {
  public static final int MAX_TEXT = 20_000;
  public static final int MAX_CLIENT_ID = 150;

  /** A message without a file. */
  public PostMessage(
      String conversationId, String targetUserId, String type, String content, String clientId) {
    this(conversationId, targetUserId, type, content, clientId, null);
  }

  /** Validates every field and returns the parsed type. */
  public MessageType validate() {
    return validate(fileId != null);
  }

  /** Validates a message whose file is uploaded with it, so it must not name one. */
  MessageType validateWithUpload() {
    if (fileId != null) {
      throw DomainException.invalid("fileId cannot be combined with an uploaded file");
    }
    return validate(true);
  }

  private MessageType validate(boolean hasFile) {
    var parsed =
        type == null
            ? null
            : MessageType.fromWireName(type).filter(MessageType::allmineType).orElse(null);
    boolean media = parsed != null && parsed.carriesFile();
    new Violations()
        .check(
            conversationId != null || targetUserId != null,
            "chatId or targetUserId must be given")
        .notBlank("type", type)
        .check(
            type == null || parsed != null,
            "type must be one of text, image, video, audio, file")
        .check(media || content != null && !content.isBlank(), "content must not be blank")
        .maxLength("content", content, MAX_TEXT)
        .check(!media || hasFile, "type " + type + " needs a file")
        .check(media || !hasFile, "only image, video, audio and file messages carry a file")
        .check(fileId == null || Ids.isId(fileId), "fileId must be a file id")
        .maxLength("Idempotency-Key", clientId, MAX_CLIENT_ID)
        .check(clientId == null || !clientId.isBlank(), "Idempotency-Key must not be blank")
        .throwIfAny();
    if (parsed == MessageType.CREDIT_TRANSFER) {
      throw DomainException.invalid(
          "type credit_transfer is written by credit transfers, not posted directly");
    }
    return parsed;
  }

  PostMessage withFileId(String uploadedFileId) {
    return new PostMessage(conversationId, targetUserId, type, content, clientId, uploadedFileId);
  }
}
