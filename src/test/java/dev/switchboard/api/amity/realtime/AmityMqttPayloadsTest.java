package dev.switchboard.api.amity.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.switchboard.api.amity.AmityV5MessagesPayload;
import dev.switchboard.api.amity.AmityV5Payloads;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Channels;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageChanges;
import dev.switchboard.message.MessageReader;
import dev.switchboard.message.MessageSnapshot;
import dev.switchboard.realtime.MessageCreatedData;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Scope;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's hot path: a new message is rendered from its change for every receiver, with
 * one read of its channel for all the receivers of the change on this node and no read of the
 * message; a change an older version logged is read as before.
 */
class AmityMqttPayloadsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MessageReader reader = mock(MessageReader.class);
  private final MessageCreatedData createdData = mock(MessageCreatedData.class);
  private final Channels channels = mock(Channels.class);
  private final AmityV5Payloads v5 = mock(AmityV5Payloads.class);
  private final AmityMqttPayloads payloads =
      new AmityMqttPayloads(reader, createdData, channels, v5, null, null);
  private final Actor bob = new Actor("t1", "d", "bob", Scope.BASIC_USER);
  private final Actor carol = new Actor("t1", "d", "carol", Scope.BASIC_USER);

  private static AmityMqttEvents.Event created(String data) {
    return new AmityMqttEvents.Event("c1", 7, MessageChanges.CREATED, "2026-01-01T00:00:00.000Z",
        JSON.readTree(data), null);
  }

  @Test
  void everyReceiverOfOneChangeSharesOneChannelReadAndNobodyReadsTheMessage() {
    AmityMqttEvents.Event change = created("{\"message\":{\"id\":\"m1\",\"conversationId\":\"c1\"}}");
    Message message = mock(Message.class);
    when(message.conversationId()).thenReturn("c1");
    when(createdData.message("t1", change.data())).thenReturn(Optional.of(message));
    Channel channel = mock(Channel.class);
    when(channels.find("t1", List.of("c1"))).thenReturn(List.of(channel));
    AmityV5MessagesPayload forBob = new AmityV5MessagesPayload(List.of(), List.of(), List.of(), List.of(), null);
    AmityV5MessagesPayload forCarol = new AmityV5MessagesPayload(List.of(), List.of(), List.of(), List.of(), null);
    when(v5.posted(bob, message, channel)).thenReturn(forBob);
    when(v5.posted(carol, message, channel)).thenReturn(forCarol);

    assertThat(payloads.created(bob, change)).isSameAs(forBob);
    assertThat(payloads.created(carol, change)).isSameAs(forCarol);

    verify(channels, times(1)).find("t1", List.of("c1"));
    verify(createdData, times(1)).message(eq("t1"), any(JsonNode.class));
    verifyNoInteractions(reader);
  }

  @Test
  void aChangeLoggedByAnOlderVersionIsReadForTheReceiver() {
    AmityMqttEvents.Event change = created("{\"message\":{\"id\":\"m1\",\"conversationId\":\"c1\"}}");
    when(createdData.message("t1", change.data())).thenReturn(Optional.empty());
    MessageSnapshot snapshot = new MessageSnapshot(mock(Message.class), null, null, null);
    when(reader.get(bob, "m1")).thenReturn(snapshot);
    AmityV5MessagesPayload read = new AmityV5MessagesPayload(List.of(), List.of(), List.of(), List.of(), null);
    when(v5.messages(eq(bob), any())).thenReturn(read);

    assertThat(payloads.created(bob, change)).isSameAs(read);
    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<MessageSnapshot>> snapshots = ArgumentCaptor.forClass(List.class);
    verify(v5).messages(eq(bob), snapshots.capture());
    assertThat(snapshots.getValue()).containsExactly(snapshot);
    verifyNoInteractions(channels);
  }
}
