package dev.switchboard.message;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.shared.Actor;

/**
 * What posting into a conversation of one kind adds to the rule all kinds share ({@code
 * ConversationAccess.requirePoster}): an SMS session needs a carrier and a sending number the
 * poster may use, and its messages leave through the SMS outbox. Implemented by the module that
 * owns the kind; {@link MessageService#post} applies it to every post, whichever dialect posts.
 */
public interface KindRule {
  /** The conversation kind this rule governs. */
  ConversationKind kind();

  /** Refuses the message, before anything is written, by throwing a {@code DomainException}. */
  void admit(Actor actor, Conversation conversation, PostMessage command);

  /** Runs in the posting transaction right after the message and its change were written. */
  void posted(Actor actor, Conversation conversation, PostMessage command, Message message);
}
