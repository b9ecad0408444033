package dev.switchboard.messagesession;

import dev.switchboard.conversation.Conversations;
import dev.switchboard.shared.Ids;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Finds sessions by public id: a named session, or a conversation nobody named (its id is the
 * session id). Also the rule for ids clients mint for new sessions.
 */
@Component
class SessionResolver {
  /** Client-minted ids: at least 32 random characters of [A-Za-z0-9_] (NetSapiens). */
  static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_]{32,128}");

  private final MessageSessions sessions;
  private final Conversations conversations;

  SessionResolver(MessageSessions sessions, Conversations conversations) {
    this.sessions = sessions;
    this.conversations = conversations;
  }

  /**
   * The named session, else the session of the conversation with this id (named, or implicit
   * when nobody named it): one read of the sessions, and of the conversation only when no
   * session row answers (a session row's conversation exists: it is a foreign key).
   */
  Optional<SessionRow> resolve(String tenantId, String sessionId) {
    List<SessionRow> rows = sessions.byIdOrConversation(tenantId, sessionId);
    Optional<SessionRow> named = rows.stream().filter(r -> r.id().equals(sessionId)).findFirst();
    if (named.isPresent() || !Ids.isId(sessionId)) {
      return named;
    }
    Optional<SessionRow> ofConversation =
        rows.stream().filter(r -> r.conversationId().equals(sessionId)).findFirst();
    if (ofConversation.isPresent()) {
      return ofConversation;
    }
    return conversations.find(tenantId, sessionId).map(c -> SessionRow.implicit(tenantId, c.id()));
  }

  /** The session row of a conversation, named or implicit. */
  SessionRow ofConversation(String tenantId, String conversationId) {
    return sessions
        .byConversation(tenantId, List.of(conversationId))
        .getOrDefault(conversationId, SessionRow.implicit(tenantId, conversationId));
  }
}
