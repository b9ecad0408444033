package dev.switchboard.conversation;

import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorReason;
import dev.switchboard.shared.Scope;
import dev.switchboard.shared.Term;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may read and post where. A conversation of another domain is
 * indistinguishable from one that does not exist.
 */
@Component
public class ConversationAccess {
  private final Conversations conversations;
  private final ChannelMembers channelMembers;
  private final Clock clock;

  public ConversationAccess(Conversations conversations, ChannelMembers channelMembers, Clock clock) {
    this.conversations = conversations;
    this.channelMembers = channelMembers;
    this.clock = clock;
  }

  /** The conversation, if it exists in the actor's domain and the actor is a member. */
  public Conversation requireMember(Actor actor, String conversationId) {
    // One query for both questions: this check precedes every read and every post.
    Conversations.Membership seen =
        conversations
            .findForUser(actor.tenantId(), conversationId, actor.userId())
            .orElseThrow(() -> DomainException.notFound(Term.CONVERSATION));
    if (!seen.member()) {
      throw notMember();
    }
    return seen.conversation();
  }

  /**
   * The conversation and all its members, if it exists in the actor's domain and the actor is one
   * of them: the same decision as {@link #requireMember}, answered from the one statement that
   * also reads the members a history page shows.
   */
  public ConversationMembers requireMemberAmong(Actor actor, String conversationId) {
    ConversationMembers seen =
        conversations
            .withMembers(actor.tenantId(), conversationId)
            .orElseThrow(() -> DomainException.notFound(Term.CONVERSATION));
    if (!seen.includes(actor.userId())) {
      throw notMember();
    }
    return seen;
  }

  /**
   * The actor's standing, if he may post now: the one posting rule of every conversation kind,
   * whichever dialect asks. Refusals, in this order: not found (or a deleted channel), banned,
   * not a member, channel muted (moderators exempt), member muted, broadcast channel and not a
   * moderator. Moderators are members with a moderator role and domain managers (Office Manager
   * and above). Conversations without channel settings simply have no mutes, bans or roles.
   */
  public Standing requirePoster(Actor actor, Optional<Standing> found) {
    Standing standing =
        found.filter(s -> !s.deleted()).orElseThrow(() -> DomainException.notFound(Term.CONVERSATION));
    if (standing.banned()) {
      throw DomainException.forbidden(
          ErrorReason.USER_BANNED, "User is banned from a channel / community.");
    }
    if (!standing.member()) {
      throw notMember();
    }
    boolean moderator = standing.moderatorRole() || actor.scope().atLeast(Scope.OFFICE_MANAGER);
    Instant now = clock.instant();
    if (standing.channelMuted(now) && !moderator) {
      throw DomainException.forbidden(ErrorReason.CONVERSATION_MUTED, "Channel is muted.");
    }
    if (standing.memberMuted(now)) {
      throw DomainException.forbidden(ErrorReason.USER_MUTED, "User is muted from the channel.");
    }
    if (standing.conversation().kind() == ConversationKind.BROADCAST && !moderator) {
      throw DomainException.forbidden(
          ErrorReason.NOT_MEMBER, "Only moderators can post in a broadcast channel");
    }
    return standing;
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

  private static DomainException notMember() {
    return DomainException.forbidden(
        ErrorReason.NOT_MEMBER, "You are not a member of this " + Term.CONVERSATION);
  }
}
