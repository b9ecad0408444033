package dev.switchboard.api.amity.message;

import dev.switchboard.api.amity.AmityV5MessagesPayload;
import dev.switchboard.api.amity.AmityV5Payloads;
import dev.switchboard.api.amity.message.AmityV5MessageDtos.AmityV5FlaggedByMe;
import dev.switchboard.message.MessageFlagService;
import dev.switchboard.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Amity v5 message flags: the same core flags as v3's flag/unflag/clearFlags/isFlaggedByMe. */
@RestController
@Tag(name = "Amity v5 messages")
@SecurityRequirement(name = "bearerToken")
class AmityV5FlagController {
  private final MessageFlagService flags;
  private final AmityV5Payloads payloads;

  AmityV5FlagController(MessageFlagService flags, AmityV5Payloads payloads) {
    this.flags = flags;
    this.payloads = payloads;
  }

  @PostMapping("/api/v5/messages/{messageId}/flags")
  @Operation(summary = "Flag a message (once per user)")
  AmityV5MessagesPayload flag(@Parameter(hidden = true) Actor actor, @PathVariable String messageId) {
    return payloads.messages(actor, List.of(flags.flag(actor, messageId)));
  }

  @DeleteMapping("/api/v5/messages/{messageId}/flags")
  @Operation(summary = "Remove the caller's flag")
  AmityV5MessagesPayload unflag(@Parameter(hidden = true) Actor actor, @PathVariable String messageId) {
    return payloads.messages(actor, List.of(flags.unflag(actor, messageId)));
  }

  @DeleteMapping("/api/v5/messages/{messageId}/flags/all")
  @Operation(summary = "Remove every flag (moderators)")
  AmityV5MessagesPayload clear(@Parameter(hidden = true) Actor actor, @PathVariable String messageId) {
    return payloads.messages(actor, List.of(flags.clear(actor, messageId)));
  }

  @GetMapping("/api/v5/messages/{messageId}/flags")
  @Operation(summary = "Whether the caller flagged the message")
  AmityV5FlaggedByMe isFlaggedByMe(@Parameter(hidden = true) Actor actor, @PathVariable String messageId) {
    return new AmityV5FlaggedByMe(flags.isFlaggedBy(actor, messageId));
  }
}
