package dev.switchboard.api.allmine;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Request and response records of the Allmine dialect, field for field as its docs show. */
final class AllmineDtos {
  private AllmineDtos() {}

  /**
   * {@code file} appears in the documented example as a file name. In JSON it names a file only
   * when it is the id of one already uploaded; otherwise it is ignored. Uploads come as the
   * {@code file} part of a multipart/form-data request.
   */
  record SendMessageRequest(
      @Schema(example = "text") String type,
      @Schema(description = "The chat to post to; or targetUserId") String chatId,
      @Schema(example = "bob", description = "The other user of a direct chat") String targetUserId,
      @Schema(example = "Hello Bob!") String content,
      @Schema(description = "The id of a file already uploaded") String file) {}

  record CreditTransferRequest(
      @Schema(example = "bob") String recipientId,
      @Schema(type = "integer", format = "int64", minimum = "1", example = "25",
          description = "Whole credits, at least 1") JsonNode amount) {}

  /** The multipart form of a media message: the fields of {@link SendMessageRequest} and a file. */
  record MediaMessageForm(
      @Schema(description = "image, video, audio or file; detected from the bytes when absent")
          String type,
      @Schema(description = "The chat to post to; or targetUserId") String chatId,
      @Schema(description = "The other user of a direct chat; or chatId") String targetUserId,
      @Schema(description = "Caption") String content,
      @Schema(type = "string", format = "binary", description = "The media file") String file) {}

  record CreditTransferView(long amount, String recipientId, String senderId) {}

  /** The documented media object; null on text and credit-transfer messages. */
  record MediaView(
      String url,
      String type,
      String name,
      long size,
      Long duration,
      Integer width,
      Integer height,
      @JsonProperty("thumbnail_url") String thumbnailUrl) {}

  record AllmineMessageView(
      @JsonProperty("_id") String id,
      String chatId,
      String senderId,
      String type,
      String content,
      MediaView media,
      CreditTransferView creditTransfer,
      List<String> readBy,
      String createdAt,
      String updatedAt) {}

  record TransferResultView(
      String senderId,
      String recipientId,
      long transferredAmount,
      long senderBalance,
      long recipientBalance) {}

  record ProfilePhoto(@JsonProperty("_id") String id, String url, String type) {}

  record Participant(
      @JsonProperty("_id") String id,
      String username,
      ProfilePhoto profilePhoto,
      String availabilityStatus) {}

  record ChatMessagesPage(
      List<AllmineMessageView> messages, List<Participant> participants, int page, int limit, long total) {}

  record ReadReceipt(String chatId, long unreadCount) {}

  record ChatView(
      @JsonProperty("_id") String id,
      String type,
      String name,
      List<Participant> participants,
      AllmineMessageView lastMessage,
      long unreadCount,
      String createdAt,
      String updatedAt) {}

  record ChatsPage(List<ChatView> chats, int page, int limit, long total) {}
}
