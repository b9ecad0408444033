package dev.switchboard.messagesession;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationAccess;
import dev.switchboard.conversation.ConversationService;
import dev.switchboard.message.Message;
import dev.switchboard.message.Messages;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Violations;
import dev.switchboard.tenant.Tenant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Message sessions as NetSapiens models them, read and managed per member: listings, one
 * session, its messages newest first, participants, name, leave and per-user delete. Sending is
 * {@link SessionSender}'s. The actor is the member whose view is asked for (see ScopedAccess).
 */
@Service
public class MessageSessionService {
  public static final int MAX_LIMIT = 1000;

  private final MessageSessions sessions;
  private final SessionResolver resolver;
  private final SessionViews views;
  private final ConversationAccess access;
  private final ConversationService conversations;
  private final Messages messages;

  public MessageSessionService(
      MessageSessions sessions,
      SessionResolver resolver,
      SessionViews views,
      ConversationAccess access,
      ConversationService conversations,
      Messages messages) {
    this.sessions = sessions;
    this.resolver = resolver;
    this.views = views;
    this.access = access;
    this.conversations = conversations;
    this.messages = messages;
  }

  /** The actor's sessions, most recent activity first ({@code offset} items skipped). */
  @Transactional(readOnly = true)
  public List<MessageSession> listForUser(Actor actor, int limit, long offset) {
    checkPage(limit, offset);
    return views.assemble(
        actor.tenantId(),
        actor.domain(),
        sessions.list(actor.tenantId(), actor.userId(), limit, offset),
        actor);
  }

  /** Every member's sessions of the domain; the caller was checked to manage it. */
  @Transactional(readOnly = true)
  public List<MessageSession> listForDomain(Tenant tenant, int limit, long offset) {
    checkPage(limit, offset);
    return views.assemble(
        tenant.id(), tenant.name(), sessions.list(tenant.id(), null, limit, offset), null);
  }

  @Transactional(readOnly = true)
  public MessageSession get(Actor actor, String sessionId) {
    SessionRef ref = visibleRef(actor, member(actor, sessionId));
    return views.assemble(actor.tenantId(), actor.domain(), List.of(ref), actor).getFirst();
  }

  /**
   * The session's messages the actor can see, newest first, with the session and its members
   * (one transaction: the page needs no separate {@link #get}).
   */
  @Transactional(readOnly = true)
  public SessionMessages messages(Actor actor, String sessionId, int limit, long offset) {
    checkPage(limit, offset);
    SessionRow row = member(actor, sessionId);
    SessionRef ref = visibleRef(actor, row);
    String conversationId = ref.conversation().id();
    List<String> members = views.memberIds(actor.tenantId(), conversationId);
    long toSeq = ref.conversation().lastSeq() - offset;
    long fromSeq = Math.max(ref.hiddenThroughSeq(), toSeq - limit);
    if (toSeq <= fromSeq) {
      return new SessionMessages(row, members, List.of());
    }
    List<Message> page = messages.range(actor.tenantId(), conversationId, fromSeq, toSeq);
    return new SessionMessages(row, members, views.withItems(actor, page));
  }

  /** Makes the participants exactly these users (the actor among them). Chat sessions only. */
  @Transactional
  public void setParticipants(Actor actor, String sessionId, List<String> userIds) {
    SessionRow row = member(actor, sessionId);
    if (row.channel() == SessionChannel.SMS) {
      throw DomainException.invalid(
          "participants of an SMS or MMS session cannot change; start a new session");
    }
    conversations.setMembers(actor, row.conversationId(), userIds);
  }

  @Transactional
  public void rename(Actor actor, String sessionId, String name) {
    SessionRow row = member(actor, sessionId);
    if (row.channel() == SessionChannel.SMS && row.remoteNumbers().size() > 1) {
      throw DomainException.invalid("an MMS group session cannot be named");
    }
    conversations.rename(actor, row.conversationId(), name);
  }

  @Transactional
  public void leave(Actor actor, String sessionId) {
    conversations.leave(actor, member(actor, sessionId).conversationId());
  }

  /** Removes the session for the actor only: others keep it; a new message brings it back. */
  @Transactional
  public void delete(Actor actor, String sessionId) {
    SessionRef ref = visibleRef(actor, member(actor, sessionId));
    sessions.hide(
        actor.tenantId(), ref.conversation().id(), actor.userId(), ref.conversation().lastSeq());
  }

  private SessionRow member(Actor actor, String sessionId) {
    SessionRow row =
        resolver
            .resolve(actor.tenantId(), sessionId)
            .orElseThrow(() -> DomainException.notFound("message session"));
    access.requireMember(actor, row.conversationId());
    return row;
  }

  private SessionRef visibleRef(Actor actor, SessionRow row) {
    SessionRef ref =
        sessions
            .ref(actor.tenantId(), row.conversationId(), actor.userId())
            .orElseThrow(() -> DomainException.notFound("message session"));
    Conversation conversation = ref.conversation();
    if (ref.hiddenThroughSeq() > 0 && conversation.lastSeq() <= ref.hiddenThroughSeq()) {
      throw DomainException.notFound("message session");
    }
    return ref;
  }

  private static void checkPage(int limit, long offset) {
    new Violations()
        .check(limit >= 1 && limit <= MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT)
        .check(offset >= 0, "start must not be negative")
        .throwIfAny();
  }
}
