package dev.switchboard.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.switchboard.conversation.ConversationChanges;
import dev.switchboard.feed.ChangeEvent;
import dev.switchboard.feed.ChangeWriter;
import dev.switchboard.feed.internal.ChangePayloads;
import dev.switchboard.realtime.MessageCreatedData;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code message.created} change records the whole message as posted, so that a face can
 * render it from the change: what {@link MessageCreatedData} reads back out of the JSON the log
 * stores is the message that was written (times to the millisecond, as every payload has them).
 */
class MessageChangesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant AT = Instant.parse("2026-12-06T10:15:30.123456Z");
  private static final Instant AT_MILLIS = Instant.parse("2026-12-06T10:15:30.123Z");

  private final ChangeWriter writer = mock(ChangeWriter.class);
  private final MessageChanges changes = new MessageChanges(writer, mock(ConversationChanges.class));
  private final MessageCreatedData read = new MessageCreatedData(JSON);

  /** The change's data exactly as the log stores it and realtime clients receive it. */
  private JsonNode logged(Message m) {
    changes.created(m, 9);
    ArgumentCaptor<ChangeEvent> event = ArgumentCaptor.forClass(ChangeEvent.class);
    verify(writer, atLeastOnce())
        .write(eq(m.tenantId()), eq(m.conversationId()), anyLong(), event.capture());
    return JSON.readTree(ChangePayloads.write(JSON, event.getValue().data()));
  }

  private static Message message(MessageType type, String content, String clientKey,
      CreditNote credit, String fileId, MessageDetails details) {
    return new Message("t1", "m1", "c1", 4, "alice", type, content, clientKey, credit, fileId, AT,
        AT, details);
  }

  private static Message toMillis(Message m) {
    return new Message(m.tenantId(), m.id(), m.conversationId(), m.seq(), m.senderId(), m.type(),
        m.content(), m.clientKey(), m.credit(), m.fileId(), AT_MILLIS, AT_MILLIS, m.details());
  }

  @Test
  void aCustomMessageWithEverythingComesBackWhole() {
    Message posted = message(MessageType.CUSTOM, "caption", "LOCAL_1", null, "f1",
        new MessageDetails("{\"poll\":{\"options\":[\"yes\",\"no\"]}}", "p1", List.of("vote", "x"),
            "{\"color\":\"red\"}",
            List.of(new Mention(Mention.Type.USER, List.of("bob", "carol")),
                new Mention(Mention.Type.CHANNEL, List.of())),
            0, 0, null, false, null));

    JsonNode data = logged(posted);

    // Structured JSON is logged as JSON, not as a string inside it.
    assertThat(data.at("/message/data/poll/options/1").asString()).isEqualTo("no");
    assertThat(data.at("/message/metadata/color").asString()).isEqualTo("red");
    assertThat(data.at("/message/mentions/0/type").asString()).isEqualTo("user");
    assertThat(read.message("t1", data)).contains(toMillis(posted));
  }

  @Test
  void aPlainMessageAndACreditTransferComeBackWhole() {
    Message text = message(MessageType.TEXT, "hello", null, null, null, MessageDetails.NONE);
    assertThat(read.message("t1", logged(text))).contains(toMillis(text));

    Message transfer = message(MessageType.CREDIT_TRANSFER, null, "k", new CreditNote(25, "alice",
        "bob"), null, MessageDetails.NONE);
    assertThat(read.message("t1", logged(transfer))).contains(toMillis(transfer));
  }

  @Test
  void aChangeLoggedByAnOlderVersionDoesNotPretendToBeWhole() {
    JsonNode older = JSON.readTree("""
        {"message":{"id":"m1","conversationId":"c1","seq":4,"senderId":"alice","type":"custom",
         "content":null,"creditTransfer":null,"fileId":null,"parentId":null,
         "createdAt":"2026-12-06T10:15:30.123Z"}}""");

    assertThat(read.message("t1", older)).isEmpty();
  }

  @Test
  void aChangeWithATypeOrMentionThisVersionDoesNotKnowIsNotGuessed() {
    Message mentioning = message(MessageType.TEXT, "hi", null, null, null, new MessageDetails(null,
        null, List.of(), null, List.of(new Mention(Mention.Type.USER, List.of("bob"))), 0, 0, null,
        false, null));
    assertThat(read.message("t1", logged(mentioning))).isPresent();

    JsonNode newType = logged(mentioning);
    ((ObjectNode) newType.get("message")).put("type", "hologram");
    assertThat(read.message("t1", newType)).isEmpty();
    JsonNode newMention = logged(mentioning);
    ((ObjectNode) newMention.at("/message/mentions/0")).put("type", "role");
    assertThat(read.message("t1", newMention)).isEmpty();
  }
}
