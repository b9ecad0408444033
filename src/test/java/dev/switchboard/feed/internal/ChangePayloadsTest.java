package dev.switchboard.feed.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.feed.JsonText;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON a client gave is logged as JSON wherever it sits in a change's data, and only JSON is. */
class ChangePayloadsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void jsonTextIsWrittenAsTheJsonItHoldsAtAnyDepth() {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("data", new JsonText("{\"poll\":[1,2]}"));
    message.put("none", null);
    message.put("list", Arrays.asList(new JsonText("{\"a\":true}"), null, "text"));

    assertThat(ChangePayloads.write(JSON, Map.of("message", message))).isEqualTo(
        "{\"message\":{\"data\":{\"poll\":[1,2]},\"none\":null,\"list\":[{\"a\":true},null,\"text\"]}}");
  }

  @Test
  void textThatIsNotJsonFailsInsteadOfCorruptingTheLog() {
    assertThatThrownBy(() -> ChangePayloads.write(JSON, Map.of("data", new JsonText("{\"open\":"))))
        .isInstanceOf(JacksonException.class);
    assertThat(ChangePayloads.write(JSON, Map.of("tags", List.of("a")))).isEqualTo("{\"tags\":[\"a\"]}");
  }
}
