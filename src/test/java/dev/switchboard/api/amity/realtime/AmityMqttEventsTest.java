package dev.switchboard.api.amity.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.switchboard.api.amity.AmityV5MessagesPayload;
import dev.switchboard.message.MessageChanges;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.Scope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** An event's payload is read for its viewer only when it is about to be published. */
class AmityMqttEventsTest {
  private final AmityMqttPayloads payloads = mock(AmityMqttPayloads.class);
  private final AmityMqttEvents events = new AmityMqttEvents(payloads);
  private final Actor bob = new Actor("t1", "d", "bob", Scope.BASIC_USER);
  private final AmityMqttTopics topics = new AmityMqttTopics("net1", "bob01");

  private AmityMqttEvents.Event created(String messageId) {
    return new AmityMqttEvents.Event("c1", 7, MessageChanges.CREATED, "2026-01-01T00:00:00.000Z",
        JsonMapper.builder().build().readTree("{\"message\":{\"id\":\"" + messageId + "\"}}"), null);
  }

  @Test
  void translatingReadsNothingAndTheTopicsComeFirst() {
    Optional<AmityMqttEvents.Outgoing> outgoing = events.translate(bob, topics, created("m1"));

    assertThat(outgoing).isPresent();
    assertThat(outgoing.get().eventType()).isEqualTo("message.created");
    assertThat(outgoing.get().topics())
        .containsExactly(topics.messagePath("c1", "m1"), topics.smartFeed("messages"));
    verifyNoInteractions(payloads); // a session subscribed to neither topic costs no read
  }

  @Test
  void theBodyReadsThePayloadAndIsEmptyWhenTheViewerMayNoLongerReadIt() {
    AmityV5MessagesPayload payload = new AmityV5MessagesPayload(List.of(), List.of(), List.of(), List.of(), null);
    AmityMqttEvents.Event m1 = created("m1");
    AmityMqttEvents.Event gone = created("gone");
    when(payloads.created(bob, m1)).thenReturn(payload);
    when(payloads.created(bob, gone))
        .thenThrow(new DomainException(ErrorCode.NOT_FOUND, "channel is gone"));

    Optional<Map<String, Object>> body =
        events.translate(bob, topics, m1).orElseThrow().body("net1", "now");
    assertThat(body).isPresent();
    assertThat(body.get()).containsEntry("eventType", "message.created")
        .containsEntry("path", topics.messagePath("c1", "m1")).containsEntry("data", payload);
    assertThat(events.translate(bob, topics, gone).orElseThrow().body("net1", "now")).isEmpty();
  }
}
