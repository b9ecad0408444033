package dev.switchboard.realtime.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The server's JSON frames other than changes (see docs/realtime.md for each one's schema). */
final class Frames {
  private final JsonMapper json;

  Frames(JsonMapper json) {
    this.json = json;
  }

  String ready(String userId) {
    return write(Map.of("type", "ready", "userId", userId));
  }

  String pong() {
    return write(Map.of("type", "pong"));
  }

  String typing(String conversationId, String userId) {
    return write(Map.of("type", "typing", "conversationId", conversationId, "userId", userId));
  }

  String resumed(Map<String, Long> positions) {
    return write(Map.of("type", "resumed", "conversations", positions));
  }

  String resync(String conversationId, String reason) {
    return write(Map.of("type", "resync", "conversationId", conversationId, "reason", reason));
  }

  String error(String code, String message, String conversationId) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", "error");
    frame.put("code", code);
    frame.put("message", message);
    if (conversationId != null) {
      frame.put("conversationId", conversationId);
    }
    return write(frame);
  }

  private String write(Map<String, ?> frame) {
    return json.writeValueAsString(frame);
  }
}
