package dev.switchboard.api.amity.channel;

import dev.switchboard.api.amity.channel.AmityChannelDtos.ChannelUserView;
import dev.switchboard.api.amity.channel.AmityChannelDtos.ChannelView;
import dev.switchboard.api.amity.channel.AmityChannelDtos.MessagePreviewView;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelMember;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.message.Message;
import dev.switchboard.shared.DomainException;
import dev.switchboard.api.amity.AmityV5Payloads;
import dev.switchboard.api.amity.channel.AmityChannelDtos.MessageFeedInfoView;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Maps core channels, members and messages to Amity's channel objects, and types both ways. */
final class AmityChannelMapper {
  private final JsonMapper json;

  AmityChannelMapper(JsonMapper json) {
    this.json = json;
  }

  /** Amity type names, including the deprecated ones, to core kinds. */
  static Set<ConversationKind> kinds(String type) {
    return switch (type) {
      case "community", "standard" -> Set.of(ConversationKind.COMMUNITY);
      case "live", "private" -> Set.of(ConversationKind.LIVE);
      case "broadcast" -> Set.of(ConversationKind.BROADCAST);
      case "conversation" -> Set.of(ConversationKind.DIRECT, ConversationKind.GROUP);
      default -> throw DomainException.invalid(
          "type must be one of community, live, broadcast, conversation");
    };
  }

  static String type(ConversationKind kind) {
    return switch (kind) {
      case DIRECT, GROUP -> "conversation";
      default -> kind.name().toLowerCase(Locale.ROOT);
    };
  }

  String metadataText(JsonNode metadata) {
    if (metadata == null || metadata.isNull()) {
      return null;
    }
    if (!metadata.isObject()) {
      throw DomainException.invalid("metadata must be an object");
    }
    return json.writeValueAsString(metadata);
  }

  ChannelView channel(Channel c, Optional<Message> latest, Instant now) {
    var s = c.settings();
    var conversation = c.conversation();
    return new ChannelView(
        c.id(),
        conversation.tenantId() + "/chat/" + c.id(),
        c.key(),
        c.id(),
        c.key(),
        conversation.kind() == ConversationKind.DIRECT,
        s.metadata() == null ? json.createObjectNode() : json.readTree(s.metadata()),
        type(conversation.kind()),
        s.tags(),
        s.isMuted(now),
        false,
        s.isMuted(now) ? Timestamps.iso(s.mutedUntil()) : null,
        0,
        0,
        null,
        conversation.title(),
        s.autoDeleteEnabled(),
        s.autoDeleteFlagLimit(),
        c.memberCount(),
        conversation.lastSeq(),
        Timestamps.iso(conversation.lastActivityAt()),
        Timestamps.iso(conversation.createdAt()),
        Timestamps.iso(s.updatedAt()),
        s.avatarFileId(),
        s.isDeleted(),
        latest.map(Message::id).orElse(null),
        s.isPublic(),
        "default");
  }

  ChannelUserView member(Channel c, ChannelMember m, Instant now) {
    boolean muted = m.isMuted(now);
    return new ChannelUserView(
        m.userId(),
        m.userId(),
        m.userId(),
        c.key(),
        c.id(),
        c.key(),
        "member",
        false,
        Timestamps.iso(m.joinedAt()),
        m.roles(),
        List.of(),
        m.lastReadSeq(),
        m.lastMentionedSeq(),
        muted,
        muted ? Timestamps.iso(m.mutedUntil()) : null,
        Timestamps.iso(m.joinedAt()),
        Timestamps.iso(m.joinedAt()));
  }

  /** A user without a membership: {@code none}, or {@code banned}. */
  ChannelUserView outsider(Channel c, String userId, boolean banned, Instant now) {
    String at = Timestamps.iso(now);
    return new ChannelUserView(
        userId, userId, userId, c.key(), c.id(), c.key(), banned ? "banned" : "none", banned, at,
        List.of(), List.of(), 0, 0, false, null, at, at);
  }

  /** {@code sender} is the author (null when he is gone: his public id stands in). */
  MessagePreviewView preview(Channel c, Message m, User sender) {
    JsonNode data = AmityV5Payloads.data(json, m);
    String type = m.type().wireName();
    return new MessagePreviewView(
        m.id(),
        c.key(),
        m.id(),
        m.senderId(),
        type,
        data,
        m.seq(),
        m.deleted(),
        Timestamps.iso(m.createdAt()),
        Timestamps.iso(m.updatedAt()),
        c.key(),
        c.id(),
        type,
        m.seq(),
        sender == null ? m.senderId() : sender.id(),
        m.senderId(),
        m.details().parentId());
  }

  /** The channel's one message feed (ADR 0019), with its newest message when shown. */
  MessageFeedInfoView feedInfo(Channel c, Message latest) {
    var conversation = c.conversation();
    return new MessageFeedInfoView(
        c.id(),
        conversation.title() == null ? c.key() : conversation.title(),
        latest == null ? null : latest.id(),
        Timestamps.iso(conversation.createdAt()),
        Timestamps.iso(conversation.lastActivityAt()));
  }
}
