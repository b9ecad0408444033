package dev.switchboard.realtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.switchboard.feed.Change;
import dev.switchboard.shared.Timestamps;

/**
 * A change as clients see it, over HTTP and as a WebSocket frame ({@code type} "change"): the
 * stored payload is embedded as JSON, not re-parsed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeView(
    String type,
    String conversationId,
    long changeSeq,
    String event,
    String at,
    @JsonRawValue String data) {

  public static ChangeView frame(Change change) {
    return new ChangeView(
        "change",
        change.conversationId(),
        change.changeSeq(),
        change.event(),
        Timestamps.iso(change.createdAt()),
        change.payload());
  }
}
