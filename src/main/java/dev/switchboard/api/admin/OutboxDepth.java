package dev.switchboard.api.admin;

import dev.switchboard.sms.SmsOutbox;
import dev.switchboard.sms.SmsStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Component;

/** How many SMS wait in the outbox, by state, in every domain. */
@Component
class OutboxDepth {
  @Schema(name = "AdminOutboxDepth")
  record Depth(
      @Schema(example = "3") long queued,
      @Schema(example = "1") long sending,
      @Schema(example = "0") long failed) {}

  private final SmsOutbox outbox;

  OutboxDepth(SmsOutbox outbox) {
    this.outbox = outbox;
  }

  Depth depth() {
    return new Depth(
        outbox.depth(SmsStatus.QUEUED),
        outbox.depth(SmsStatus.SENDING),
        outbox.depth(SmsStatus.FAILED));
  }
}
