package dev.switchboard.message;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Violations;

/**
 * A request to post a message, into {@code conversationId} or into the direct chat with {@code
 * targetUserId} (at least one is required; both must agree). {@code clientId} makes retries
 * idempotent.
 */
public record PostMessage(
    String conversationId, String targetUserId, String type, String content, String clientId) {
  public static final int MAX_TEXT = 20_000;
  public static final int MAX_CLIENT_ID = 150;

  /** Validates every field and returns the parsed type. */
  public MessageType validate() {
    var parsed =
        type == null
            ? null
            : MessageType.fromWireName(type).filter(MessageType::allmineType).orElse(null);
    new Violations()
        .check(
            conversationId != null || targetUserId != null,
            "chatId or targetUserId must be given")
        .notBlank("type", type)
        .check(
            type == null || parsed != null,
            "type must be one of text, image, video, audio, file")
        .notBlank("content", content)
        .maxLength("content", content, MAX_TEXT)
        .maxLength("Idempotency-Key", clientId, MAX_CLIENT_ID)
        .check(clientId == null || !clientId.isBlank(), "Idempotency-Key must not be blank")
        .throwIfAny();
    if (parsed == MessageType.CREDIT_TRANSFER) {
      throw DomainException.invalid(
          "type credit_transfer is written by credit transfers, not posted directly");
    }
    if (parsed != MessageType.TEXT) {
      throw DomainException.invalid(
          "type " + type + " needs an uploaded file; only text messages are supported");
    }
    return parsed;
  }
}
