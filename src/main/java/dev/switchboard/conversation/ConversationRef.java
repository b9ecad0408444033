package dev.switchboard.conversation;

import java.util.Objects;

/**
 * How a request names the conversation it acts on: by the conversation's id, by a channel's
 * public key (Amity's {@code channelId}, which a client may choose), or as the direct
 * conversation with another user. Typed, so that the three kinds of string cannot be mixed up.
 */
public sealed interface ConversationRef {
  /** A conversation id (24 hex characters), as every dialect's responses carry it. */
  record Id(String value) implements ConversationRef {
    public Id {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A channel's public key: the client's channelId, or else the conversation id. */
  record ChannelKey(String value) implements ConversationRef {
    public ChannelKey {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The direct conversation of the caller and this user, opened on first use. */
  record DirectWith(String userId) implements ConversationRef {
    public DirectWith {
      Objects.requireNonNull(userId, "userId");
    }
  }
}
