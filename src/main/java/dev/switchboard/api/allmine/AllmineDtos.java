package dev.switchboard.api.allmine;

import com.fasterxml.jackson.annotation.JsonProperty;
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
      String type, String chatId, String targetUserId, String content, String file) {}

  record CreditTransferRequest(String recipientId, JsonNode amount) {}

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
