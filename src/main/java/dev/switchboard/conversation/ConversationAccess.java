package dev.switchboard.conversation;

import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may read and post where. A conversation of another domain is
 * indistinguishable from one that does not exist.
 */
@Component
public class ConversationAccess {
  private final Conversations conversations;

  public ConversationAccess(Conversations conversations) {
    this.conversations = conversations;
  }

  /** The conversation, if it exists in the actor's domain and the actor is a member. */
  public Conversation requireMember(Actor actor, String conversationId) {
    // One query for both questions: this check precedes every read and every post.
    Conversations.Membership seen =
        conversations
            .findForUser(actor.tenantId(), conversationId, actor.userId())
            .orElseThrow(() -> DomainException.notFound("chat"));
    if (!seen.member()) {
      throw DomainException.forbidden("You are not a member of this chat");
    }
    return seen.conversation();
  }
}
