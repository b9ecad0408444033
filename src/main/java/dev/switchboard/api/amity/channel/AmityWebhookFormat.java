package dev.switchboard.api.amity.channel;

import dev.switchboard.api.amity.message.AmityMessageMapper;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Channels;
import dev.switchboard.conversation.ConversationChanges;
import dev.switchboard.feed.Change;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageChanges;
import dev.switchboard.message.MessageDetails;
import dev.switchboard.message.MessageReader;
import dev.switchboard.message.MessageSnapshot;
import dev.switchboard.message.Messages;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Scope;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookFace;
import dev.switchboard.webhook.WebhookFormat;
import dev.switchboard.webhook.WebhookSubscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amity webhooks (docs/amity.md, "Webhooks"): {@code {event, data}} where data is the
 * side-loaded payload Amity's REST API answers with — {@code messages, users, files} for
 * message events (plus {@code reactor} for reactions), {@code channels, channelUsers, users…}
 * for channel events — rendered as the user whose action it was sees it.
 */
@Component
class AmityWebhookFormat implements WebhookFormat {
  static final Set<String> EVENTS = Set.of("message.didCreate", "message.didUpdate",
      "message.didDelete", "message.didFlag", "message.didUnflag", "message.didClearflag",
      "message.didAddReaction", "message.didRemoveReaction", "channel.didJoin",
      "channel.didLeave", "channel.didRemoveUsers", "channel.didBan");

  private final AmityMessageMapper messagesMapper;
  private final AmityChannelPayloads channelPayloads;
  private final MessageReader reader;
  private final Messages messages;
  private final Channels channels;
  private final TenantService tenants;
  private final JsonMapper json;

  AmityWebhookFormat(AmityMessageMapper messagesMapper, AmityChannelPayloads channelPayloads,
      MessageReader reader, Messages messages, Channels channels, TenantService tenants,
      JsonMapper json) {
    this.messagesMapper = messagesMapper;
    this.channelPayloads = channelPayloads;
    this.reader = reader;
    this.messages = messages;
    this.channels = channels;
    this.tenants = tenants;
    this.json = json;
  }

  @Override
  public WebhookFace face() {
    return WebhookFace.AMITY;
  }

  @Override
  public Set<String> eventNames() {
    return EVENTS;
  }

  @Override
  public Optional<String> eventFor(Change change, WebhookSubscription subscription) {
    return Optional.ofNullable(switch (change.event()) {
      case MessageChanges.CREATED -> "message.didCreate";
      case MessageChanges.DELETED -> "message.didDelete";
      case MessageChanges.UPDATED -> updated(change.payload());
      case MessageChanges.REACTION_ADDED -> "message.didAddReaction";
      case MessageChanges.REACTION_REMOVED -> "message.didRemoveReaction";
      case ConversationChanges.MEMBER_JOINED -> "channel.didJoin";
      case ConversationChanges.MEMBER_LEFT -> left(change.payload());
      default -> null;
    });
  }

  /** The cause the message module wrote; read as text so nothing is parsed in the transaction. */
  private static String updated(String payload) {
    if (payload.contains("\"cause\":\"" + MessageChanges.UpdateCause.FLAGGED.wireName() + "\"")) {
      return "message.didFlag";
    }
    if (payload.contains("\"cause\":\"" + MessageChanges.UpdateCause.UNFLAGGED.wireName() + "\"")) {
      return "message.didUnflag";
    }
    if (payload.contains("\"cause\":\"" + MessageChanges.UpdateCause.FLAGS_CLEARED.wireName() + "\"")) {
      return "message.didClearflag";
    }
    return "message.didUpdate";
  }

  private static String left(String payload) {
    if (payload.contains("\"cause\":\"removed\"")) {
      return "channel.didRemoveUsers";
    }
    return payload.contains("\"cause\":\"banned\"") ? "channel.didBan" : "channel.didLeave";
  }

  @Override
  public String body(WebhookDelivery delivery, Change change, WebhookSubscription s) {
    JsonNode data = json.readTree(change.payload());
    String domain = tenants.findById(s.tenantId()).map(Tenant::name).orElse("");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", delivery.event());
    if (delivery.event().startsWith("channel.")) {
      body.put("data", channelData(s.tenantId(), domain, change, data));
    } else {
      body.put("data", messageData(s.tenantId(), domain, data));
    }
    return json.writeValueAsString(body);
  }

  private Object messageData(String tenantId, String domain, JsonNode data) {
    JsonNode reaction = data.path("reaction");
    boolean isReaction = reaction.isObject();
    String messageId = isReaction
        ? reaction.path("messageId").asString()
        : data.path("message").path("id").asString();
    String actorId = isReaction
        ? reaction.path("userId").asString()
        : data.path("by").asString(data.path("message").path("senderId").asString());
    Actor actor = new Actor(tenantId, domain, actorId, Scope.BASIC_USER);
    List<MessageSnapshot> snapshots;
    try {
      snapshots = reader.getAll(actor, List.of(messageId));
    } catch (DomainException notReader) {
      // The user has left since: the message as nobody in particular sees it.
      snapshots = messages.findByPublicId(tenantId, messageId, actorId)
          .map(m -> List.of(new MessageSnapshot(m, null, null, null))).orElse(List.of());
    }
    JsonNode logged = data.path("message");
    if (logged.has("content")) {
      snapshots = snapshots.stream().map(snap -> asLogged(snap, logged)).toList();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    var payload = messagesMapper.payload(actor, snapshots);
    out.put("messages", payload.messages());
    out.put("users", payload.users());
    out.put("files", payload.files());
    if (isReaction) {
      Map<String, Object> reactor = new LinkedHashMap<>();
      reactor.put("reactionId", reaction.path("id").asString());
      reactor.put("reactionName", reaction.path("name").asString());
      reactor.put("userId", reaction.path("userId").asString());
      reactor.put("createdAt", reaction.path("createdAt").asString());
      out.put("reactor", reactor);
    }
    return out;
  }

  /**
   * The text, flag count and deletion as the change logged them: a post made after a later
   * edit or unflag still shows what the event was about. Other fields (reactions, edit time)
   * are as they are now.
   */
  private MessageSnapshot asLogged(MessageSnapshot snapshot, JsonNode logged) {
    Message m = snapshot.message();
    String content = logged.get("content").isNull() ? null : logged.get("content").asString();
    MessageDetails d = m.details();
    String data = d.data();
    if (data != null) {
      JsonNode stored = json.readTree(data);
      if (stored.isObject() && stored.size() == 1 && stored.has("text")) {
        data = content == null ? null : json.writeValueAsString(Map.of("text", content));
      }
    }
    long flagCount = logged.has("flagCount") ? logged.get("flagCount").asLong() : d.flagCount();
    boolean deleted = logged.has("deleted") ? logged.get("deleted").asBoolean() : d.deleted();
    MessageDetails asLogged = new MessageDetails(data, d.parentId(), d.tags(), d.metadata(),
        d.mentions(), d.childrenCount(), flagCount, d.editedAt(), deleted, d.latestReaction());
    return new MessageSnapshot(m.with(content, asLogged, m.updatedAt()), snapshot.reactions(),
        snapshot.myReactions(), snapshot.flaggerIds());
  }

  private Object channelData(String tenantId, String domain, Change change, JsonNode data) {
    String userId = data.path("userId").asString();
    Actor actor = new Actor(tenantId, domain, userId, Scope.BASIC_USER);
    List<Channel> found = channels.find(tenantId, List.of(change.conversationId()));
    try {
      return channelPayloads.of(actor, found, List.of(userId),
          "banned".equals(data.path("cause").asString(null)));
    } catch (DomainException noLongerVisible) {
      // The subject left a closed channel: name the channel and the user, nothing he cannot see.
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("channelId", found.isEmpty() ? change.conversationId() : found.getFirst().key());
      out.put("userId", userId);
      return out;
    }
  }
}
