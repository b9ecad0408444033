package dev.switchboard.api.amity.settings;

import dev.switchboard.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The network's chat settings, which the SDK reads right after login (login fails without
 * them). They describe what Switchboard does, not options: chat is on, channel mentions are
 * allowed, channels carry previews of their newest message (deleted ones included, shown as
 * deleted), and read markers (unread counts) are kept.
 */
@RestController
@Tag(name = "Amity network settings", description = "What the Amity SDK reads at login")
@SecurityRequirement(name = "bearerToken")
class AmityNetworkSettingsController {
  /** {@code ChatSettings} of the SDK. */
  record AmityChatSettings(
      boolean enabled, ChatMention mention, ChatMessagePreview messagePreview, ChatMarker marker) {
    record ChatMention(boolean isAllowMentionedChannelEnabled) {}

    record ChatMessagePreview(boolean enabled, boolean isIncludeDeleted) {}

    record ChatMarker(boolean enabled) {}
  }

  static final AmityChatSettings CHAT =
      new AmityChatSettings(
          true,
          new AmityChatSettings.ChatMention(true),
          new AmityChatSettings.ChatMessagePreview(true, true),
          new AmityChatSettings.ChatMarker(true));

  @GetMapping("/api/v3/network-settings/chat")
  @Operation(summary = "Chat settings of the network (previews, markers, mentions)")
  AmityChatSettings chat(@Parameter(hidden = true) Actor actor) {
    return CHAT;
  }
}
