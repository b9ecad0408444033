package dev.switchboard.message;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationAccess;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Scope;
import java.util.Collection;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * The policy while channels have no roles or settings of their own: members read and post,
 * domain managers (scope Office Manager and above) moderate, flags never delete, mention
 * cursors are not tracked. The channel module replaces this hook with its rules.
 */
@Component
class MembershipMessagePolicy implements MessagePolicy {
  private final ConversationAccess access;

  MembershipMessagePolicy(ConversationAccess access) {
    this.access = access;
  }

  @Override
  public Conversation requireReader(Actor actor, String conversationId) {
    return access.requireMember(actor, conversationId);
  }

  @Override
  public Conversation requirePoster(Actor actor, String conversationId) {
    return access.requireMember(actor, conversationId);
  }

  @Override
  public boolean isModerator(Actor actor, Conversation conversation) {
    return actor.scope().atLeast(Scope.OFFICE_MANAGER);
  }

  @Override
  public OptionalLong autoDeleteFlagLimit(Actor actor, Conversation conversation) {
    return OptionalLong.empty();
  }

  @Override
  public void mentioned(
      Actor actor, Conversation conversation, Collection<String> userIds, boolean everyone, long seq) {}
}
