package dev.switchboard.message;

import dev.switchboard.conversation.ChannelMembership;
import dev.switchboard.conversation.Channels;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationAccess;
import dev.switchboard.shared.Actor;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * The channel rules of the conversation module, for messages: members read; posting follows
 * {@link ConversationAccess#requirePoster} (bans, mutes, broadcast); channel moderators and
 * domain managers moderate; the channel's auto-delete setting gives the flag limit; mentions
 * advance the members' mention cursors.
 */
@Component
class ChannelMessagePolicy implements MessagePolicy {
  private final ConversationAccess access;
  private final Channels channels;
  private final ChannelMembership membership;

  ChannelMessagePolicy(ConversationAccess access, Channels channels, ChannelMembership membership) {
    this.access = access;
    this.channels = channels;
    this.membership = membership;
  }

  @Override
  public Conversation requireReader(Actor actor, String conversationId) {
    return access.requireMember(actor, conversationId);
  }

  @Override
  public Conversation requirePoster(Actor actor, String conversationId) {
    return access.requirePoster(actor, conversationId);
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

  @Override
  public void mentioned(
      Actor actor, Conversation conversation, Collection<String> userIds, boolean everyone, long seq) {
    if (everyone) {
      membership.mentionEveryone(actor.tenantId(), conversation.id(), seq);
    } else {
      membership.mention(actor.tenantId(), conversation.id(), userIds, seq);
    }
  }
}
