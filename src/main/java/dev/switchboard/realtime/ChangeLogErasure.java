package dev.switchboard.realtime;

import dev.switchboard.message.UserMessagesErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scrubs the change log when a user's messages are erased: the log keeps a copy of each
 * message's content as it was created or edited, which would otherwise outlive the erasure.
 * Each such entry keeps its position and event (clients resuming from before it still see a
 * gap-free log), with the content, file and mentions of the erased user's messages removed.
 * Runs in the erasing transaction.
 */
@Component
class ChangeLogErasure {
  private final ChangeLog log;
  private final JsonMapper json;

  ChangeLogErasure(ChangeLog log, JsonMapper json) {
    this.log = log;
    this.json = json;
  }

  @EventListener
  void on(UserMessagesErased event) {
    String sender = json.writeValueAsString(event.userId());
    for (String conversationId : event.conversationIds()) {
      for (Change change :
          log.messageChangesContaining(event.tenantId(), conversationId, "\"senderId\":" + sender)) {
        JsonNode payload = json.readTree(change.payload());
        if (payload.path("message") instanceof ObjectNode message
            && event.userId().equals(message.path("senderId").asString(null))) {
          message.putNull("content");
          if (message.has("fileId")) {
            message.putNull("fileId");
          }
          log.rewrite(change.tenantId(), conversationId, change.changeSeq(),
              json.writeValueAsString(payload));
        }
      }
    }
  }
}
