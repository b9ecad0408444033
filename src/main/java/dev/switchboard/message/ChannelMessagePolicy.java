package dev.switchboard.message;

import dev.switchboard.conversation.Channels;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationAccess;
import dev.switchboard.shared.Actor;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * The channel rules of the conversation module, for messages: members read; channel moderators
 * and domain managers moderate; the channel's auto-delete setting gives the flag limit.
 */
@Component
class ChannelMessagePolicy implements MessagePolicy {
  private final ConversationAccess access;
  private final Channels channels;

  ChannelMessagePolicy(ConversationAccess access, Channels channels) {
    this.access = access;
    this.channels = channels;
  }

  @Override
  public Conversation requireReader(Actor actor, String conversationId) {
    return access.requireMember(actor, conversationId);
  }

  @Override
  public boolean isModerator(Actor actor, Conversation conversation) {
    return access.isModerator(actor, conversation.id());
  }

  @Override
  public OptionalLong autoDeleteFlagLimit(Actor actor, Conversation conversation) {
    return channels.find(actor.tenantId(), List.of(conversation.id())).stream()
        .map(c -> c.settings())
        .filter(s -> s.autoDeleteEnabled() && s.autoDeleteFlagLimit() != null)
        .mapToLong(s -> s.autoDeleteFlagLimit())
        .findFirst();
  }
}
