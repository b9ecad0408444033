package dev.switchboard.api.amity.message;

import dev.switchboard.api.amity.AmityParams;
import dev.switchboard.api.amity.AmityV5MessagesPayload;
import dev.switchboard.api.amity.AmityV5Payloads;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityCreateMessage;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityUpdateMessage;
import dev.switchboard.api.amity.message.AmityV5MessageDtos.AmityV5CreateMessage;
import dev.switchboard.api.amity.message.AmityV5MessageDtos.AmityV5MessagesPage;
import dev.switchboard.api.amity.message.AmityV5MessageDtos.AmityV5Paging;
import dev.switchboard.api.amity.message.AmityV5MessageDtos.AmityV5UpdateMessage;
import dev.switchboard.conversation.ChannelService;
import dev.switchboard.message.MessageEditing;
import dev.switchboard.message.MessagePage;
import dev.switchboard.message.MessageQuery;
import dev.switchboard.message.MessageReader;
import dev.switchboard.message.MessageService;
import dev.switchboard.message.MessageSnapshot;
import dev.switchboard.message.MessageType;
import dev.switchboard.message.PostedMessage;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Violations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Amity v5 messages (what SDK 6.x calls), over the same core calls as v3: a v5 send is a v3 send
 * whose channel is named by its message feed (the channel's internal id, ADR 0019) and whose
 * client id is the {@code referenceId}. Answers are {@link AmityV5Payloads}' envelopes.
 */
@RestController
@Tag(name = "Amity v5 messages", description = "Amity (social.plus) v5 messages and message feeds")
@SecurityRequirement(name = "bearerToken")
class AmityV5MessageController {
  private static final int MAX_ID = 150;
  private static final int MAX_TAG = 100;

  private final MessageService messages;
  private final MessageReader reader;
  private final MessageEditing editing;
  private final ChannelService channels;
  private final AmityV5Payloads payloads;

  AmityV5MessageController(
      MessageService messages,
      MessageReader reader,
      MessageEditing editing,
      ChannelService channels,
      AmityV5Payloads payloads) {
    this.messages = messages;
    this.reader = reader;
    this.editing = editing;
    this.channels = channels;
    this.payloads = payloads;
  }

  @PostMapping("/api/v5/messages")
  @Operation(summary = "Send a message to a message feed (a resent referenceId returns the first)")
  AmityV5MessagesPayload create(@Parameter(hidden = true) Actor actor, @RequestBody AmityV5CreateMessage body) {
    new Violations().notBlank("messageFeedId", body.messageFeedId()).throwIfAny();
    PostedMessage posted = messages.post(actor, AmityMessageRequests.send(new AmityCreateMessage(
        body.messageFeedId(), body.referenceId(), body.dataType(), body.data(), body.fileId(),
        body.parentId(), body.metadata(), body.tags(), body.mentionedUsers())));
    return posted.replayed()
        ? payloads.messages(actor, List.of(reader.get(actor, posted.message().id())))
        : payloads.sent(actor, new MessageSnapshot(posted.message(), null, null, null), posted.standing());
  }

  @GetMapping("/api/v5/messages")
  @Operation(summary = "Query a message feed, newest first by default, with paging tokens")
  AmityV5MessagesPage query(
      @Parameter(hidden = true) Actor actor,
      @RequestParam(required = false) String messageFeedId,
      @RequestParam(required = false) String parentId,
      @RequestParam(required = false) Boolean isDeleted,
      @RequestParam(required = false) Boolean hasFlags,
      @RequestParam(required = false) String dataType,
      @RequestParam(name = "includeTags[]", required = false) List<String> includeTags,
      @RequestParam(name = "excludeTags[]", required = false) List<String> excludeTags,
      @RequestParam(name = "options[sortBy]", required = false) String sortBy,
      @RequestParam(name = "options[limit]", required = false) Integer limit,
      @RequestParam(name = "options[token]", required = false) String token) {
    List<String> tags = includeTags == null ? List.of() : includeTags;
    List<String> excluded = excludeTags == null ? List.of() : excludeTags;
    MessageType type = dataType == null ? null : MessageType.fromWireName(dataType).orElse(null);
    new Violations()
        .notBlank("messageFeedId", messageFeedId)
        .maxLength("messageFeedId", messageFeedId, MAX_ID)
        .maxLength("parentId", parentId, MAX_ID)
        .check(dataType == null || (type != null && type != MessageType.CREDIT_TRANSFER),
            "dataType must be one of text, image, file, custom, video, audio")
        .check(tags.size() <= 10 && tags.stream().allMatch(t -> t.length() <= MAX_TAG),
            "includeTags must have at most 10 items of at most " + MAX_TAG + " characters")
        .check(excluded.size() <= 10 && excluded.stream().allMatch(t -> t.length() <= MAX_TAG),
            "excludeTags must have at most 10 items of at most " + MAX_TAG + " characters")
        .throwIfAny();
    AmityV5PageCursor paging = AmityV5PageCursor.parse(sortBy, limit, token);
    String parent = parentId == null ? null : reader.get(actor, parentId).message().id();
    MessageQuery query = paging.apply(new MessageQuery(channels.resolve(actor, messageFeedId), type,
        parent, false, hasFlags, isDeleted, tags, excluded, null, null, paging.size(), true));
    MessagePage page = reader.page(actor, query);
    List<MessageSnapshot> ordered = new ArrayList<>(page.messages());
    if (paging.descending()) {
      ordered = ordered.reversed();
    }
    AmityV5MessagesPayload payload = payloads.messages(actor, ordered);
    return new AmityV5MessagesPage(payload.messages(), payload.messageFeeds(), payload.users(),
        payload.files(), new AmityV5Paging(paging.next(page), paging.previous(page)));
  }

  @GetMapping("/api/v5/messages/list")
  @Operation(summary = "Get up to 10 messages by id")
  AmityV5MessagesPayload list(
      @Parameter(hidden = true) Actor actor,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
    List<String> ids = AmityParams.ids(params, "messageIds", true, MessageReader.MAX_IDS, MAX_ID);
    return payloads.messages(actor, reader.getAll(actor, ids));
  }

  @GetMapping("/api/v5/messages/{messageId}")
  @Operation(summary = "Get a message")
  AmityV5MessagesPayload get(@Parameter(hidden = true) Actor actor, @PathVariable String messageId) {
    return payloads.messages(actor, List.of(reader.get(actor, messageId)));
  }

  @PutMapping("/api/v5/messages/{messageId}")
  @Operation(summary = "Edit a message (author or moderator); sets editedAt")
  AmityV5MessagesPayload update(
      @Parameter(hidden = true) Actor actor,
      @PathVariable String messageId,
      @RequestBody AmityV5UpdateMessage body) {
    MessageSnapshot edited = editing.edit(actor, messageId, AmityMessageRequests.edit(
        new AmityUpdateMessage(body.data(), body.metadata(), body.tags(), body.mentionedUsers())));
    return payloads.messages(actor, List.of(edited));
  }

  /** Soft delete only: {@code permanent=true} (Amity's hard delete) is refused. */
  @DeleteMapping("/api/v5/messages/{messageId}")
  @Operation(summary = "Soft-delete a message (author or moderator); answers the deleted message")
  AmityV5MessagesPayload delete(
      @Parameter(hidden = true) Actor actor,
      @PathVariable String messageId,
      @RequestParam(defaultValue = "false") boolean permanent) {
    new Violations()
        .check(!permanent, "permanent deletion is not supported: messages are soft-deleted")
        .throwIfAny();
    return payloads.messages(actor, List.of(editing.delete(actor, messageId)));
  }
}
