package dev.switchboard.api.amity.message;

import dev.switchboard.api.amity.AmityParams;
import dev.switchboard.api.amity.AmityV5MessagesPayload;
import dev.switchboard.api.amity.AmityV5Payloads;
import dev.switchboard.api.amity.message.AmityV5MessageDtos.AmityV5FeedsPayload;
import dev.switchboard.api.amity.message.AmityV5MessageDtos.AmityV5Paging;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelService;
import dev.switchboard.message.MessageReader;
import dev.switchboard.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Amity v5 message feeds (the SDK's sub-channels). Every channel has exactly one, whose id is the
 * channel's internal id (ADR 0019); creating, renaming or deleting feeds is therefore not
 * offered. A feed is visible to whoever may see its channel.
 */
@RestController
@Tag(name = "Amity v5 messages")
@SecurityRequirement(name = "bearerToken")
class AmityV5MessageFeedController {
  private static final int MAX_ID = 150;

  private final ChannelService channels;
  private final MessageReader reader;
  private final AmityV5Payloads payloads;

  AmityV5MessageFeedController(ChannelService channels, MessageReader reader, AmityV5Payloads payloads) {
    this.channels = channels;
    this.reader = reader;
    this.payloads = payloads;
  }

  @GetMapping("/api/v5/message-feeds/{messageFeedId}")
  @Operation(summary = "Get a message feed (a channel's one feed), with its newest message")
  AmityV5FeedsPayload get(@Parameter(hidden = true) Actor actor, @PathVariable String messageFeedId) {
    return of(actor, List.of(channels.get(actor, messageFeedId)), null);
  }

  @GetMapping("/api/v5/message-feeds/list")
  @Operation(summary = "Get up to 10 message feeds by id; unknown or hidden ones are left out")
  AmityV5FeedsPayload list(
      @Parameter(hidden = true) Actor actor,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
    List<String> ids = AmityParams.ids(params, "messageFeedIds", true, MessageReader.MAX_IDS, MAX_ID);
    return of(actor, channels.getMany(actor, ids), null);
  }

  @GetMapping("/api/v5/message-feeds/channel/{channelId}")
  @Operation(summary = "The message feeds of a channel: always exactly one")
  AmityV5FeedsPayload ofChannel(@Parameter(hidden = true) Actor actor, @PathVariable String channelId) {
    return of(actor, List.of(channels.get(actor, channelId)), new AmityV5Paging(null, null));
  }

  private AmityV5FeedsPayload of(Actor actor, List<Channel> list, AmityV5Paging paging) {
    var feeds = payloads.feeds(actor, list);
    List<String> newest =
        feeds.stream().map(f -> f.lastMessageId()).filter(id -> id != null).toList();
    AmityV5MessagesPayload previews =
        newest.isEmpty()
            ? new AmityV5MessagesPayload(List.of(), List.of(), List.of(), List.of(), null)
            : payloads.messages(actor, reader.getAll(actor, newest));
    return new AmityV5FeedsPayload(feeds, previews.messages(), previews.users(), previews.files(), paging);
  }
}
