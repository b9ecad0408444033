package dev.switchboard.api.netsapiens;

import dev.switchboard.conversation.ConversationChanges;
import dev.switchboard.feed.Change;
import dev.switchboard.message.MessageChanges;
import dev.switchboard.messagesession.SessionEvent;
import dev.switchboard.messagesession.SessionEvents;
import dev.switchboard.messagesession.SmsStatusOnMessages;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.TenantService;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookFace;
import dev.switchboard.webhook.WebhookFormat;
import dev.switchboard.webhook.WebhookSubscription;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What NetSapiens event subscriptions post (docs/netsapiens.md, "Event subscriptions"): a JSON
 * array of objects of the subscription's model, each exactly as the REST API returns it — a
 * {@code message} as in {@code GET …/messagesessions/{id}/messages}, a {@code messagesession} as
 * in {@code GET …/messagesessions/{id}} — seen by the subscription's user, else by the user
 * the change is about (the sender, the member who joined or left).
 */
@Component
class NsSubscriptionFormat implements WebhookFormat {
  static final String MESSAGE = "message";
  static final String MESSAGE_SESSION = "messagesession";
  private static final Set<String> MESSAGE_EVENTS = Set.of(MessageChanges.CREATED,
      MessageChanges.UPDATED, MessageChanges.DELETED, SmsStatusOnMessages.MESSAGE_STATUS);
  private static final Set<String> SESSION_EVENTS = Set.of(MessageChanges.CREATED,
      MessageChanges.UPDATED, MessageChanges.DELETED, SmsStatusOnMessages.MESSAGE_STATUS,
      ConversationChanges.MEMBER_JOINED, ConversationChanges.MEMBER_LEFT,
      ConversationChanges.READ_UPDATED);

  private final SessionEvents sessions;
  private final TenantService tenants;
  private final JsonMapper json;

  NsSubscriptionFormat(SessionEvents sessions, TenantService tenants, JsonMapper json) {
    this.sessions = sessions;
    this.tenants = tenants;
    this.json = json;
  }

  @Override
  public WebhookFace face() {
    return WebhookFace.NETSAPIENS;
  }

  @Override
  public Set<String> eventNames() {
    return Set.of();
  }

  @Override
  public Set<String> models() {
    return Set.of(MESSAGE, MESSAGE_SESSION);
  }

  @Override
  public Optional<String> eventFor(Change change, WebhookSubscription subscription) {
    Set<String> served = subscription.model().equals(MESSAGE) ? MESSAGE_EVENTS : SESSION_EVENTS;
    return served.contains(change.event()) ? Optional.of(change.event()) : Optional.empty();
  }

  @Override
  public String body(WebhookDelivery delivery, Change change, WebhookSubscription s) {
    JsonNode data = json.readTree(change.payload());
    JsonNode message = data.path("message");
    String messageId = message.isObject() ? message.path("id").asString() : null;
    if (change.event().equals(SmsStatusOnMessages.MESSAGE_STATUS)) {
      messageId = data.path("messageId").asString(null);
    }
    String viewer = !s.userFilter().isEmpty() ? s.userFilter()
        : change.subjectId() != null ? change.subjectId()
        : message.path("senderId").asString(data.path("userId").asString(null));
    String domain = tenants.findById(s.tenantId()).map(Tenant::name).orElse("");
    Optional<SessionEvent> seen = sessions.asSeenBy(s.tenantId(), domain, change.conversationId(), viewer, messageId);
    if (seen.isEmpty()) {
      return "[]";
    }
    SessionEvent e = seen.get();
    if (s.model().equals(MESSAGE_SESSION)) {
      return json.writeValueAsString(List.of(NsMapper.session(e.session())));
    }
    if (e.message() == null) {
      return "[]";
    }
    return json.writeValueAsString(List.of(NsMapper.message(
        e.message(), domain, e.session().row().id(), e.members())));
  }
}
