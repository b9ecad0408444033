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
    Conversation conversation =
        conversations
            .find(actor.tenantId(), conversationId)
            .orElseThrow(() -> DomainException.notFound("chat"));
    if (conversations.member(actor.tenantId(), conversationId, actor.userId()).isEmpty()) {
      throw DomainException.forbidden("You are not a member of this chat");
    }
    return conversation;
  }
}
