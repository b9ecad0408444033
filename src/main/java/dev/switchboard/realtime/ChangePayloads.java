package dev.switchboard.realtime;

import dev.switchboard.conversation.MemberJoined;
import dev.switchboard.conversation.MemberLeft;
import dev.switchboard.conversation.ReadCursorMoved;
import dev.switchboard.message.CreditNote;
import dev.switchboard.message.Message;
import dev.switchboard.session.MessageStatusChanged;
import dev.switchboard.shared.Timestamps;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The neutral JSON of each event type, independent of any dialect. The shapes are the contract
 * of docs/realtime.md and its JSON Schemas; a test validates emitted payloads against them.
 */
@Component
public class ChangePayloads {
  public static final String MESSAGE_CREATED = "message.created";
  public static final String MEMBER_JOINED = "member.joined";
  public static final String MEMBER_LEFT = "member.left";
  public static final String READ_UPDATED = "read.updated";
  /** The delivery status of a message sent as SMS: queued, sending, sent, delivered, failed. */
  public static final String MESSAGE_STATUS = "message.status";

  private final JsonMapper json;

  public ChangePayloads(JsonMapper json) {
    this.json = json;
  }

  public String messageCreated(Message m) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", m.id());
    message.put("conversationId", m.conversationId());
    message.put("seq", m.seq());
    message.put("senderId", m.senderId());
    message.put("type", m.type().wireName());
    message.put("content", m.content());
    CreditNote credit = m.credit();
    message.put(
        "creditTransfer",
        credit == null
            ? null
            : Map.of(
                "amount", credit.amount(),
                "senderId", credit.senderId(),
                "recipientId", credit.recipientId()));
    message.put("fileId", m.fileId());
    message.put("createdAt", Timestamps.iso(m.createdAt()));
    return json.writeValueAsString(Map.of("message", message));
  }

  public String memberJoined(MemberJoined e) {
    return json.writeValueAsString(Map.of("userId", e.userId(), "joinedAt", Timestamps.iso(e.at())));
  }

  public String memberLeft(MemberLeft e) {
    return json.writeValueAsString(
        Map.of("userId", e.userId(), "cause", e.cause().wireName(), "leftAt", Timestamps.iso(e.at())));
  }

  public String messageStatus(MessageStatusChanged e) {
    return json.writeValueAsString(Map.of("messageId", e.messageId(), "status", e.status()));
  }

  public String readUpdated(ReadCursorMoved e) {
    return json.writeValueAsString(Map.of("userId", e.userId(), "lastReadSeq", e.lastReadSeq()));
  }
}
