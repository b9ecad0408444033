package dev.switchboard.api.amity.message;

import dev.switchboard.api.amity.message.AmityMessageDtos.AmityCreateMessage;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityMessagesPage;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityMessagesPayload;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityMessagePaging;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityStatus;
import dev.switchboard.api.amity.AmitySuccess;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityUpdateMessage;
import dev.switchboard.conversation.ChannelService;
import dev.switchboard.message.MessageService;
import dev.switchboard.message.PostedMessage;
import dev.switchboard.message.MessageEditing;
import dev.switchboard.message.MessagePage;
import dev.switchboard.message.MessageQuery;
import dev.switchboard.message.MessageReader;
import dev.switchboard.message.MessageSnapshot;
import dev.switchboard.message.MessageType;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Violations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Amity messages", description = "Amity (social.plus) v3 messages")
@SecurityRequirement(name = "bearerToken")
class AmityMessageController {
  private static final int MAX_QUERY_CHANNEL_ID = 100;
  private static final int MAX_QUERY_TAG = 100;

  private final MessageService messages;
  private final MessageReader reader;
  private final MessageEditing editing;
  private final AmityMessageMapper mapper;
  private final ChannelService channels;

  AmityMessageController(
      MessageService messages,
      MessageReader reader,
      MessageEditing editing,
      AmityMessageMapper mapper,
      ChannelService channels) {
    this.channels = channels;
    this.messages = messages;
    this.reader = reader;
    this.editing = editing;
    this.mapper = mapper;
  }

  @PostMapping("/api/v3/messages")
  @Operation(summary = "Create a message (a resent messageId returns the first message)")
  AmityMessagesPayload create(@Parameter(hidden = true) Actor actor, @RequestBody AmityCreateMessage body) {
    PostedMessage posted = messages.post(actor, AmityMessageRequests.send(body));
    if (posted.replayed()) {
      // A resent message may have gained reactions and flags since: read it back.
      return mapper.payload(actor, List.of(reader.get(actor, posted.message().id())));
    }
    // A new message has none yet, and the post resolved the channel's key: nothing to read.
    return mapper.payload(
        actor,
        List.of(new MessageSnapshot(posted.message(), null, null, null)),
        Map.of(posted.message().conversationId(), posted.conversationKey()));
  }

  @GetMapping("/api/v3/messages")
  @Operation(summary = "Query a channel's messages by segment")
  AmityMessagesPage query(
      @Parameter(hidden = true) Actor actor,
      @RequestParam(required = false) String channelId,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String parentId,
      @RequestParam(defaultValue = "false") boolean filterByParentId,
      @RequestParam(required = false) Boolean hasFlag,
      @RequestParam(required = false) Boolean isDeleted,
      @RequestParam(name = "tags", required = false) List<String> tags,
      @RequestParam(name = "tags[]", required = false) List<String> bracketTags,
      @RequestParam(name = "excludeTags", required = false) List<String> excludeTags,
      @RequestParam(name = "excludeTags[]", required = false) List<String> bracketExcludeTags,
      @RequestParam(name = "options[after]", required = false) Long after,
      @RequestParam(name = "options[before]", required = false) Long before,
      @RequestParam(name = "options[first]", required = false) Integer first,
      @RequestParam(name = "options[last]", required = false) Integer last,
      @RequestParam(name = "options[token]", required = false) String token) {
    List<String> allTags = both(tags, bracketTags);
    List<String> excluded = both(excludeTags, bracketExcludeTags);
    MessageType parsedType = type == null ? null : MessageType.fromWireName(type).orElse(null);
    new Violations()
        .notBlank("channelId", channelId)
        .maxLength("channelId", channelId, MAX_QUERY_CHANNEL_ID)
        .check(type == null || (parsedType != null && parsedType != MessageType.CREDIT_TRANSFER),
            "type must be one of text, image, file, custom, video, audio, imagemap")
        .maxLength("parentId", parentId, 150)
        .check(allTags.size() <= 10 && allTags.stream().allMatch(t -> t.length() <= MAX_QUERY_TAG),
            "tags must have at most 10 items of at most " + MAX_QUERY_TAG + " characters")
        .check(excluded.size() <= 10 && excluded.stream().allMatch(t -> t.length() <= MAX_QUERY_TAG),
            "excludeTags must have at most 10 items of at most " + MAX_QUERY_TAG + " characters")
        .throwIfAny();
    AmitySegmentPaging paging = AmitySegmentPaging.parse(after, before, first, last, token);
    String parent = parentId == null ? null : reader.get(actor, parentId).message().id();
    MessageQuery query =
        paging.apply(new MessageQuery(channels.resolve(actor, channelId), parsedType, parent, filterByParentId && parent == null,
            hasFlag, isDeleted, allTags, excluded, null, null, paging.size(), true));
    MessagePage page = reader.page(actor, query);
    AmityMessagesPayload payload = mapper.payload(actor, page.messages());
    return new AmityMessagesPage(payload.messages(), payload.users(), payload.files(),
        new AmityMessagePaging(AmitySegmentPaging.nextToken(page, paging.size()),
            AmitySegmentPaging.prevToken(page, paging.size())));
  }

  @GetMapping("/api/v3/messages/list")
  @Operation(summary = "Get up to 10 messages by id")
  AmityMessagesPayload list(
      @Parameter(hidden = true) Actor actor,
      @RequestParam(name = "messageIds[]", required = false) List<String> bracketIds,
      @RequestParam(name = "messageIds", required = false) List<String> ids) {
    List<String> all = both(bracketIds, ids);
    new Violations()
        .check(!all.isEmpty() && all.size() <= MessageReader.MAX_IDS,
            "messageIds must have 1 to " + MessageReader.MAX_IDS + " items")
        .check(all.stream().allMatch(id -> id.length() <= 150), "messageIds must be at most 150 characters")
        .throwIfAny();
    return mapper.payload(actor, reader.getAll(actor, all));
  }

  @GetMapping("/api/v3/messages/{messageId}")
  @Operation(summary = "Get a message")
  AmityMessagesPayload get(@Parameter(hidden = true) Actor actor, @PathVariable String messageId) {
    return mapper.payload(actor, List.of(reader.get(actor, messageId)));
  }

  @PutMapping("/api/v3/messages/{messageId}")
  @Operation(summary = "Edit a message (author or moderator); sets editedAt")
  AmityMessagesPayload update(
      @Parameter(hidden = true) Actor actor,
      @PathVariable String messageId,
      @RequestBody AmityUpdateMessage body) {
    return mapper.payload(actor, List.of(editing.edit(actor, messageId, AmityMessageRequests.edit(body))));
  }

  @DeleteMapping("/api/v3/messages/{messageId}")
  @Operation(summary = "Soft-delete a message (author or moderator)")
  AmityStatus<AmitySuccess> delete(@Parameter(hidden = true) Actor actor, @PathVariable String messageId) {
    editing.delete(actor, messageId);
    return AmityStatus.success(new AmitySuccess(true));
  }

  private static List<String> both(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>();
    if (a != null) {
      all.addAll(a);
    }
    if (b != null) {
      all.addAll(b);
    }
    return all;
  }
}
