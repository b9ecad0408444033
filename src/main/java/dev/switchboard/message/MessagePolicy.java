package dev.switchboard.message;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.shared.Actor;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * The channel rules that messages depend on: who may read, post and moderate, the flag count at
 * which a message deletes itself, and mention cursors. Channels (conversation module) own these
 * rules; this interface is the hook the message module calls them through.
 */
public interface MessagePolicy {
  /** The conversation, if the actor may read it; NOT_FOUND or FORBIDDEN otherwise. */
  Conversation requireReader(Actor actor, String conversationId);

  /** The conversation, if the actor may post into it; NOT_FOUND or FORBIDDEN otherwise. */
  Conversation requirePoster(Actor actor, String conversationId);

  /** Whether the actor may edit, delete and clear flags of others' messages here. */
  boolean isModerator(Actor actor, Conversation conversation);

  /** The flag count that soft-deletes a message, when the channel has auto-delete enabled. */
  OptionalLong autoDeleteFlagLimit(Actor actor, Conversation conversation);

  /**
   * Advances the mention cursor of the mentioned members ({@code everyone}: all members) to
   * {@code seq}, in the posting transaction.
   */
  void mentioned(
      Actor actor, Conversation conversation, Collection<String> userIds, boolean everyone, long seq);
}
