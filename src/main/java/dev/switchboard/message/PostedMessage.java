package dev.switchboard.message;

import dev.switchboard.conversation.Standing;

/**
 * The outcome of a post: the message, whether it was an idempotent replay of an earlier one, and
 * the poster's standing in the conversation as the post read it, before its writes (null for a
 * replay, which reads nothing): what an answer needs of the conversation without reading it again.
 */
public record PostedMessage(Message message, boolean replayed, Standing standing) {

  /** The public key of the conversation (a channel's key, else its id); null for a replay. */
  public String conversationKey() {
    return standing == null ? null : standing.key();
  }
}
