package dev.switchboard.message;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.shared.Actor;
import java.util.OptionalLong;

/**
 * The channel rules that reading and moderating messages depend on: who may read and moderate,
 * and the flag count at which a message deletes itself. (Posting has its own rule:
 * {@code ConversationAccess.requirePoster}.) Channels (conversation module) own these
 * rules; this interface is the hook the message module calls them through.
 */
public interface MessagePolicy {
  /** The conversation, if the actor may read it; NOT_FOUND or FORBIDDEN otherwise. */
  Conversation requireReader(Actor actor, String conversationId);

  /** Whether the actor may edit, delete and clear flags of others' messages here. */
  boolean isModerator(Actor actor, Conversation conversation);

  /** The flag count that soft-deletes a message, when the channel has auto-delete enabled. */
  OptionalLong autoDeleteFlagLimit(Actor actor, Conversation conversation);

}
