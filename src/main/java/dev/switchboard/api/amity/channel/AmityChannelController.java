package dev.switchboard.api.amity.channel;

import dev.switchboard.api.amity.AmityParams;
import dev.switchboard.api.amity.channel.AmityChannelDtos.ChannelsPayload;
import dev.switchboard.api.amity.channel.AmityChannelDtos.CreateChannelRequest;
import dev.switchboard.api.amity.channel.AmityChannelDtos.CreateConversationRequest;
import dev.switchboard.api.amity.channel.AmityChannelDtos.DeleteResult;
import dev.switchboard.api.amity.channel.AmityChannelDtos.PagedChannelsPayload;
import dev.switchboard.api.amity.channel.AmityChannelDtos.Paging;
import dev.switchboard.api.amity.AmitySuccess;
import dev.switchboard.api.amity.channel.AmityChannelDtos.UpdateChannelRequest;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelQuery;
import dev.switchboard.conversation.ChannelService;
import dev.switchboard.conversation.ChannelUpdate;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.NewChannel;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Amity channels: create, conversation channels, query, get, update, delete. */
@RestController
@Tag(name = "Amity channels", description = "Amity-compatible channels")
@SecurityRequirement(name = "bearerToken")
class AmityChannelController {
  private static final int MAX_LIST_IDS = 10;

  private final ChannelService channels;
  private final AmityChannelPayloads payloads;

  AmityChannelController(ChannelService channels, AmityChannelPayloads payloads) {
    this.channels = channels;
    this.payloads = payloads;
  }

  @PostMapping("/api/v3/channels")
  @Operation(summary = "Create a community, live or broadcast channel")
  ChannelsPayload create(@Parameter(hidden = true) Actor actor, @RequestBody CreateChannelRequest body) {
    Set<ConversationKind> kinds = AmityChannelMapper.kinds(body.type() == null ? "community" : body.type());
    if (kinds.size() != 1) {
      throw DomainException.invalid("type must be one of community, live, broadcast");
    }
    NewChannel request =
        new NewChannel(
            body.channelId(),
            kinds.iterator().next(),
            body.displayName(),
            body.avatarFileId(),
            payloads.mapper.metadataText(body.metadata()),
            body.tags(),
            body.userIds(),
            Boolean.TRUE.equals(body.isMuted()),
            Boolean.TRUE.equals(body.messageAutoDeleteEnabled()),
            body.autoDeleteMessageByFlagLimit(),
            body.isPublic() == null || body.isPublic());
    return payloads.of(actor, List.of(channels.create(actor, request)));
  }

  @PostMapping("/api/v3/channels/conversation")
  @Operation(summary = "Create a conversation channel (isDistinct reuses the one of the same users)")
  ChannelsPayload createConversation(
      @Parameter(hidden = true) Actor actor, @RequestBody CreateConversationRequest body) {
    ChannelUpdate details =
        new ChannelUpdate(
            body.displayName(), body.avatarFileId(), payloads.mapper.metadataText(body.metadata()),
            body.tags(), null, null);
    Channel channel =
        channels.createConversation(
            actor, body.userIds(), body.isDistinct() == null || body.isDistinct(), details);
    return payloads.of(actor, List.of(channel));
  }

  @GetMapping("/api/v3/channels")
  @Operation(summary = "Query channels (keyword, types, filter, tags, sortBy, options)")
  PagedChannelsPayload query(
      @Parameter(hidden = true) Actor actor,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
    int limit = AmityParams.limit(params, 10, 100);
    long offset = AmityParams.offset(params);
    Set<ConversationKind> kinds = EnumSet.noneOf(ConversationKind.class);
    AmityParams.list(params, "types").forEach(t -> kinds.addAll(AmityChannelMapper.kinds(t)));
    ChannelQuery query =
        new ChannelQuery(
            params.getFirst("keyword"),
            kinds,
            membership(params.getFirst("filter")),
            tags(params, "tags"),
            tags(params, "excludeTags"),
            AmityParams.bool(params, "isDeleted"),
            sort(params.getFirst("sortBy")),
            limit + 1,
            offset);
    List<Channel> found = channels.query(actor, query);
    boolean more = found.size() > limit;
    ChannelsPayload page = payloads.of(actor, more ? found.subList(0, limit) : found);
    Paging paging =
        new Paging(AmityParams.next(more, offset, limit), AmityParams.previous(offset, limit));
    return new PagedChannelsPayload(
        page.channels(), page.channelUsers(), page.users(), page.files(), page.messagePreviews(),
        page.messageFeedsInfo(), paging);
  }

  @GetMapping("/api/v3/channels/list")
  @Operation(summary = "Get up to 10 channels by channelIds[]")
  ChannelsPayload list(
      @Parameter(hidden = true) Actor actor,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
    List<String> ids = AmityParams.list(params, "channelIds");
    if (ids.isEmpty() || ids.size() > MAX_LIST_IDS) {
      throw DomainException.invalid("channelIds must have between 1 and " + MAX_LIST_IDS + " entries");
    }
    return payloads.of(actor, channels.getMany(actor, ids));
  }

  @GetMapping("/api/v3/channels/{channelId}")
  ChannelsPayload get(@Parameter(hidden = true) Actor actor, @PathVariable String channelId) {
    return payloads.of(actor, List.of(channels.get(actor, channelId)));
  }

  @PutMapping("/api/v3/channels/{channelId}")
  @Operation(summary = "Update a channel (moderators)")
  ChannelsPayload update(
      @Parameter(hidden = true) Actor actor,
      @PathVariable String channelId,
      @RequestBody UpdateChannelRequest body) {
    ChannelUpdate update =
        new ChannelUpdate(
            body.displayName(),
            body.avatarFileId(),
            payloads.mapper.metadataText(body.metadata()),
            body.tags(),
            body.messageAutoDeleteEnabled(),
            body.autoDeleteMessageByFlagLimit());
    return payloads.of(actor, List.of(channels.update(actor, channelId, update)));
  }

  @DeleteMapping("/api/v3/channels/{channelId}")
  @Operation(summary = "Delete a channel (moderators; kept with isDeleted)")
  DeleteResult delete(@Parameter(hidden = true) Actor actor, @PathVariable String channelId) {
    channels.delete(actor, channelId);
    return new DeleteResult("success", new AmitySuccess(true));
  }

  private static Set<String> tags(MultiValueMap<String, String> params, String name) {
    List<String> tags = AmityParams.list(params, name);
    if (tags.size() > 10 || tags.stream().anyMatch(t -> t.length() > 100)) {
      throw DomainException.invalid(name + " must have at most 10 entries of at most 100 characters");
    }
    return new LinkedHashSet<>(tags);
  }

  private static ChannelQuery.MembershipFilter membership(String filter) {
    return switch (filter == null ? "all" : filter) {
      case "all" -> ChannelQuery.MembershipFilter.ALL;
      case "member" -> ChannelQuery.MembershipFilter.MEMBER;
      case "notMember" -> ChannelQuery.MembershipFilter.NOT_MEMBER;
      default -> throw DomainException.invalid("filter must be one of all, member, notMember");
    };
  }

  private static ChannelQuery.Sort sort(String sortBy) {
    return switch (sortBy == null ? "lastActivity" : sortBy) {
      case "lastActivity" -> ChannelQuery.Sort.LAST_ACTIVITY;
      case "lastCreated" -> ChannelQuery.Sort.LAST_CREATED;
      case "firstCreated" -> ChannelQuery.Sort.FIRST_CREATED;
      case "displayName" -> ChannelQuery.Sort.DISPLAY_NAME;
      default -> throw DomainException.invalid(
          "sortBy must be one of lastActivity, lastCreated, firstCreated, displayName");
    };
  }
}
