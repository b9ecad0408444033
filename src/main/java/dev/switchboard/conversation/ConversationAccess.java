package dev.switchboard.conversation;

import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorReason;
import dev.switchboard.shared.Scope;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may read and post where. A conversation of another domain is
 * indistinguishable from one that does not exist.
 */
@Component
public class ConversationAccess {
  private final Conversations conversations;
  private final Channels channels;
  private final ChannelMembers channelMembers;
  private final Clock clock;

  public ConversationAccess(
      Conversations conversations, Channels channels, ChannelMembers channelMembers, Clock clock) {
    this.conversations = conversations;
    this.channels = channels;
    this.channelMembers = channelMembers;
    this.clock = clock;
  }

  /** The conversation, if it exists in the actor's domain and the actor is a member. */
  public Conversation requireMember(Actor actor, String conversationId) {
    // One query for both questions: this check precedes every read and every post.
    Conversations.Membership seen =
        conversations
            .findForUser(actor.tenantId(), conversationId, actor.userId())
            .orElseThrow(() -> DomainException.notFound("chat"));
    if (!seen.member()) {
      throw notMember();
    }
    return seen.conversation();
  }

  /**
   * The conversation, if the actor may post in it now. Refusals, in this order: banned, not a
   * member, channel muted (moderators exempt), member muted, broadcast channel and not a
   * moderator. Deleted channels are not found.
   */
  public Conversation requirePoster(Actor actor, String conversationId) {
    // The channel row carries its conversation: no separate conversation lookup.
    Channel channel =
        channels.find(actor.tenantId(), List.of(conversationId)).stream()
            .findFirst()
            .orElseThrow(() -> DomainException.notFound("channel"));
    Conversation conversation = channel.conversation();
    if (channel.settings().isDeleted()) {
      throw DomainException.notFound("channel");
    }
    if (channelMembers.isBanned(actor.tenantId(), conversationId, actor.userId())) {
      throw DomainException.forbidden(
          ErrorReason.USER_BANNED, "User is banned from a channel / community.");
    }
    ChannelMember member =
        channelMembers.members(actor.tenantId(), conversationId, List.of(actor.userId())).stream()
            .findFirst()
            .orElseThrow(ConversationAccess::notMember);
    boolean moderator = isModerator(actor, member);
    var now = clock.instant();
    if (channel.settings().isMuted(now) && !moderator) {
      throw DomainException.forbidden(ErrorReason.CONVERSATION_MUTED, "Channel is muted.");
    }
    if (member.isMuted(now)) {
      throw DomainException.forbidden(ErrorReason.USER_MUTED, "User is muted from the channel.");
    }
    if (conversation.kind() == ConversationKind.BROADCAST && !moderator) {
      throw DomainException.forbidden(
          ErrorReason.NOT_MEMBER, "Only moderators can post in a broadcast channel");
    }
    return conversation;
  }

  /**
   * Whether the actor moderates the conversation: a moderator role on his membership, or a
   * domain administrator (Office Manager and above), who moderates every channel of his domain.
   */
  public boolean isModerator(Actor actor, String conversationId) {
    if (actor.scope().atLeast(Scope.OFFICE_MANAGER)) {
      return true;
    }
    return channelMembers.members(actor.tenantId(), conversationId, List.of(actor.userId())).stream()
        .anyMatch(ChannelMember::isModerator);
  }

  /** Refuses anyone who does not moderate the conversation. */
  public void requireModerator(Actor actor, String conversationId) {
    if (!isModerator(actor, conversationId)) {
      throw DomainException.forbidden(ErrorReason.NOT_MEMBER, "Permission denied");
    }
  }

  private static boolean isModerator(Actor actor, ChannelMember member) {
    return actor.scope().atLeast(Scope.OFFICE_MANAGER) || member.isModerator();
  }

  private static DomainException notMember() {
    return DomainException.forbidden(ErrorReason.NOT_MEMBER, "You are not a member of this chat");
  }
}
