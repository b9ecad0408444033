package dev.switchboard.realtime.bus;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.databind.json.JsonMapper;

/** Bus events as JSON on the wire between nodes, with the node that sent them. */
final class BusCodec {
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = BusEvent.Changes.class, name = "changes"),
    @JsonSubTypes.Type(value = BusEvent.TypingNotice.class, name = "typing"),
    @JsonSubTypes.Type(value = BusEvent.AccessRevocation.class, name = "revocation")
  })
  private interface PolymorphicBusEvent {}

  /**
   * An event, the node it comes from (a node ignores its own) and when it was sent (epoch
   * milliseconds by the sender's clock, for the lag metric; null from older nodes).
   */
  record Envelope(String origin, Long sentAt, BusEvent event) {}

  private final JsonMapper json;

  BusCodec(JsonMapper json) {
    this.json =
        json.rebuild().addMixIn(BusEvent.class, PolymorphicBusEvent.class).build();
  }

  String encode(String origin, long sentAt, BusEvent event) {
    return json.writeValueAsString(new Envelope(origin, sentAt, event));
  }

  Envelope decode(String text) {
    return json.readValue(text, Envelope.class);
  }
}
