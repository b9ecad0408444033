package dev.switchboard.conversation;

/** A conversation seen as a channel: its settings and how many members it has. */
public record Channel(Conversation conversation, ChannelSettings settings, long memberCount) {
  public String id() {
    return conversation.id();
  }

  /** The public id clients use (their channelId, or the conversation id). */
  public String key() {
    return settings.key() != null ? settings.key() : conversation.id();
  }
}
