package dev.switchboard.api.amity.flag;

import dev.switchboard.api.amity.message.AmityMessageDtos.AmityMessagesPayload;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityResult;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityStatus;
import dev.switchboard.api.amity.message.AmityMessageMapper;
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

@RestController
@Tag(name = "Amity message flags", description = "Flag, unflag and clear flags of Amity v3 messages")
@SecurityRequirement(name = "bearerToken")
class AmityFlagController {
  private final MessageFlagService flags;
  private final AmityMessageMapper mapper;

  AmityFlagController(MessageFlagService flags, AmityMessageMapper mapper) {
    this.flags = flags;
    this.mapper = mapper;
  }

  @PostMapping("/api/v3/messages/{messageId}/flag")
  @Operation(summary = "Flag a message (once per user)")
  AmityMessagesPayload flag(@Parameter(hidden = true) Actor actor, @PathVariable String messageId) {
    return mapper.payload(actor, List.of(flags.flag(actor, messageId)));
  }

  @DeleteMapping("/api/v3/messages/{messageId}/unflag")
  @Operation(summary = "Remove the caller's flag")
  AmityMessagesPayload unflag(@Parameter(hidden = true) Actor actor, @PathVariable String messageId) {
    return mapper.payload(actor, List.of(flags.unflag(actor, messageId)));
  }

  @DeleteMapping("/api/v3/messages/{messageId}/clearFlags")
  @Operation(summary = "Remove every flag (moderators)")
  AmityMessagesPayload clear(@Parameter(hidden = true) Actor actor, @PathVariable String messageId) {
    return mapper.payload(actor, List.of(flags.clear(actor, messageId)));
  }

  @GetMapping("/api/v3/messages/{messageId}/isFlaggedByMe")
  @Operation(summary = "Whether the caller flagged the message")
  AmityStatus<AmityResult> isFlaggedByMe(@Parameter(hidden = true) Actor actor, @PathVariable String messageId) {
    return AmityStatus.success(new AmityResult(flags.isFlaggedBy(actor, messageId)));
  }
}
