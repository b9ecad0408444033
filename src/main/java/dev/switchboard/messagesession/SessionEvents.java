package dev.switchboard.messagesession;

import dev.switchboard.message.Messages;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Scope;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions for event subscriptions: a conversation's session as one member sees it when a
 * change of it is posted, read without a caller (the subscription was authorized when made).
 */
@Service
public class SessionEvents {
  private final MessageSessions sessions;
  private final SessionViews views;
  private final Messages messages;

  SessionEvents(MessageSessions sessions, SessionViews views, Messages messages) {
    this.sessions = sessions;
    this.views = views;
    this.messages = messages;
  }

  /**
   * The session of {@code conversationId} as {@code userId} sees it, with the message {@code
   * messageId} (may be null) and its SMS leg; empty when the user is not a member. A null
   * {@code userId} means the message's sender.
   */
  @Transactional(readOnly = true)
  public Optional<SessionEvent> asSeenBy(
      String tenantId, String domain, String conversationId, String user, String messageId) {
    String userId = user;
    if (userId == null && messageId != null) {
      userId = messages.findByPublicId(tenantId, messageId, null).map(m -> m.senderId()).orElse(null);
    }
    if (userId == null) {
      return Optional.empty();
    }
    Optional<SessionRef> ref = sessions.ref(tenantId, conversationId, userId);
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    Actor viewer = new Actor(tenantId, domain, userId, Scope.BASIC_USER);
    MessageSession session = views.assemble(tenantId, domain, List.of(ref.get()), viewer).getFirst();
    SessionMessage message =
        messageId == null
            ? null
            : messages.findByPublicId(tenantId, messageId, userId)
                .filter(m -> m.conversationId().equals(conversationId))
                .map(m -> views.withItems(viewer, List.of(m)).getFirst())
                .orElse(null);
    return Optional.of(
        new SessionEvent(session, views.memberIds(tenantId, conversationId), message));
  }
}
