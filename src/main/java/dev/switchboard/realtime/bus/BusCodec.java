package dev.switchboard.realtime.bus;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.databind.json.JsonMapper;

/** Bus events as JSON on the wire between nodes. */
final class BusCodec {
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = BusEvent.ChangeNotice.class, name = "change"),
    @JsonSubTypes.Type(value = BusEvent.TypingNotice.class, name = "typing"),
    @JsonSubTypes.Type(value = BusEvent.AccessRevocation.class, name = "revocation")
  })
  private interface PolymorphicBusEvent {}

  private final JsonMapper json;

  BusCodec(JsonMapper json) {
    this.json =
        json.rebuild().addMixIn(BusEvent.class, PolymorphicBusEvent.class).build();
  }

  String encode(BusEvent event) {
    return json.writerFor(BusEvent.class).writeValueAsString(event);
  }

  BusEvent decode(String text) {
    return json.readValue(text, BusEvent.class);
  }
}
