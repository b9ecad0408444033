package dev.switchboard.api.netsapiens;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Messagesession and Message objects of ns-api v2. The document's examples name times
 * {@code -timestamp} ({@code "YYYY-MM-DD HH:MM:SS"}), its schema {@code -datetime}: every time
 * is under both names, the examples' in their format and the schema's in RFC 3339, so clients
 * of either reading find it (docs/netsapiens.md, "Times").
 */
final class NsViews {
  private NsViews() {}

  record SessionView(
      String user,
      String domain,
      @JsonProperty("messagesession-id") String id,
      @JsonProperty("messagesession-remote") String remote,
      @JsonProperty("messagesession-sms-number") String smsNumber,
      @JsonProperty("messagesession-last-timestamp") String lastTimestamp,
      @JsonProperty("messagesession-start-timestamp") String startTimestamp,
      @JsonProperty("messagesession-last-message") String lastMessage,
      @JsonProperty("messagesession-last-sender") String lastSender,
      @JsonProperty("messagesession-last-status") String lastStatus,
      @JsonProperty("messagesession-muted") String muted,
      @JsonProperty("messagesession-last-email-reminder-timestamp") String lastEmailReminder,
      @JsonProperty("messagesession-reciever-hostname") String receiverHostname,
      @JsonProperty("messagesession-queue-termination") String queueTermination,
      @JsonProperty("messagesession-queue-status") String queueStatus,
      @JsonProperty("messagesession-queue-session-id") String queueSessionId,
      @JsonProperty("messagesession-agent-start-timestamp") String agentStartTimestamp,
      @JsonProperty("messagesession-last-type") String lastType,
      @JsonProperty("messagesession-last-media-type") String lastMediaType,
      @JsonProperty("messagesession-last-media-size") long lastMediaSize,
      @JsonProperty("messagesession-type") String type,
      @JsonProperty("messagesession-name") String name,
      @JsonProperty("messagesession-participants") String participants,
      @JsonProperty("messagesession-last-datetime") String lastDatetime,
      @JsonProperty("messagesession-start-datetime") String startDatetime,
      @JsonProperty("messagesession-last-email-reminder-datetime") String lastEmailReminderDatetime,
      @JsonProperty("messagesession-agent-start-datetime") String agentStartDatetime) {}

  record MessageView(
      String id,
      String timestamp,
      String type,
      String domain,
      String direction,
      String dialed,
      String text,
      String status,
      @JsonProperty("messagesession-reciever-hostname") String receiverHostname,
      @JsonProperty("from-number") String fromNumber,
      @JsonProperty("from-user-id") String fromUserId,
      @JsonProperty("from-video-attendee-id") String fromVideoAttendeeId,
      @JsonProperty("from-user-agent") String fromUserAgent,
      @JsonProperty("terminating-user-id") String terminatingUserId,
      @JsonProperty("terminating-number") String terminatingNumber,
      @JsonProperty("messagesession-id") String sessionId,
      @JsonProperty("video-instance-id") String videoInstanceId,
      @JsonProperty("media-type") String mediaType,
      @JsonProperty("media-size") long mediaSize,
      @JsonProperty("messagesession-participants") String participants,
      @JsonProperty("deleted-timestamp") String deletedTimestamp,
      @JsonProperty("deleted-datetime") String deletedDatetime) {}
}
