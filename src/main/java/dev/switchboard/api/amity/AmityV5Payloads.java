package dev.switchboard.api.amity;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.Channels;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.Standing;
import dev.switchboard.message.Mention;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageService;
import dev.switchboard.message.MessageSnapshot;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds Amity's v5 payloads from core objects, for the v5 REST answers and the realtime (MQTT)
 * events alike, so both carry exactly the same shapes: {@link #messages} gives the side-loaded
 * envelope {@code {messages, users, files, messageFeeds}}, {@link #feeds} the message feeds of
 * channels. The caller is the reader: files he may not read are left out. See ADR 0019.
 */
@Component
public class AmityV5Payloads {
  private final UserService users;
  private final Channels channels;
  private final MessageService messageService;
  private final AmityFiles files;
  private final JsonMapper json;

  public AmityV5Payloads(
      UserService users,
      Channels channels,
      MessageService messageService,
      AmityFiles files,
      JsonMapper json) {
    this.users = users;
    this.channels = channels;
    this.messageService = messageService;
    this.files = files;
    this.json = json;
  }

  /** The envelope for these messages as {@code reader} sees them (he may read their channels). */
  public AmityV5MessagesPayload messages(Actor reader, List<MessageSnapshot> snapshots) {
    List<String> conversationIds =
        snapshots.stream().map(s -> s.message().conversationId()).distinct().toList();
    List<Channel> found =
        conversationIds.isEmpty() ? List.of() : channels.find(reader.tenantId(), conversationIds);
    Map<String, Feed> byId = new LinkedHashMap<>();
    found.forEach(c -> byId.put(c.id(), Feed.of(c)));
    return envelope(reader, snapshots, byId, feeds(reader, found));
  }

  /**
   * The envelope for a message {@code reader} has just sent, from what the post read and wrote:
   * nothing is read again but the people. The message is its feed's newest (its {@code seq} is
   * the channel's last one at its commit, its time the channel's last activity).
   */
  public AmityV5MessagesPayload sent(Actor reader, MessageSnapshot sent, Standing standing) {
    Feed feed = new Feed(standing.conversation(), standing.key(), standing.deleted(),
        standing.channelUpdatedAt());
    return newest(reader, sent, feed);
  }

  /**
   * The envelope for a message as it was posted into {@code channel} (its {@code
   * message.created} change): the message is its feed's newest as of that change; only the
   * people (from their cache) and the message's file are read.
   */
  public AmityV5MessagesPayload posted(Actor reader, Message posted, Channel channel) {
    return newest(reader, new MessageSnapshot(posted, null, null, null), Feed.of(channel));
  }

  private AmityV5MessagesPayload newest(Actor reader, MessageSnapshot snapshot, Feed channel) {
    Message m = snapshot.message();
    Feed feed = channel.upTo(m);
    return envelope(reader, List.of(snapshot), Map.of(m.conversationId(), feed), List.of(feed.view(m)));
  }

  private AmityV5MessagesPayload envelope(Actor reader, List<MessageSnapshot> snapshots,
      Map<String, Feed> byId, List<AmityV5MessageFeedView> feeds) {
    Map<String, User> people = users.byUserId(reader.tenantId(), userIdsOf(snapshots));
    List<AmityV5MessageView> views =
        snapshots.stream()
            .map(s -> message(s, byId.get(s.message().conversationId()), people))
            .toList();
    Set<String> shown = new LinkedHashSet<>();
    snapshots.forEach(s -> shown.add(s.message().senderId()));
    snapshots.forEach(s -> s.message().details().mentions().forEach(m -> shown.addAll(m.userIds())));
    List<AmityUserView> userViews =
        shown.stream().map(people::get).filter(Objects::nonNull).map(AmityUserView::of).toList();
    List<AmityFileView> fileViews =
        files.of(reader, snapshots.stream().map(s -> s.message().fileId()).toList());
    return new AmityV5MessagesPayload(views, userViews, fileViews, feeds, null);
  }

  /** The message feed of each channel, with its newest message. */
  public List<AmityV5MessageFeedView> feeds(Actor reader, List<Channel> list) {
    Map<String, Message> latest =
        messageService.latest(reader, list.stream().map(Channel::id).toList()).stream()
            .collect(Collectors.toMap(Message::conversationId, Function.identity(), (a, b) -> a));
    return list.stream().map(c -> feed(c, latest.get(c.id()))).toList();
  }

  /** One channel's feed; {@code latest} is its newest message, or null. */
  public AmityV5MessageFeedView feed(Channel channel, Message latest) {
    return Feed.of(channel).view(latest);
  }

  /** What a message feed shows of its channel. */
  private record Feed(Conversation conversation, String key, boolean deleted, Instant channelUpdatedAt) {
    static Feed of(Channel channel) {
      return new Feed(channel.conversation(), channel.key(), channel.settings().isDeleted(),
          channel.settings().updatedAt());
    }

    /** The feed when {@code latest} was its newest message. */
    Feed upTo(Message latest) {
      Conversation c = conversation;
      return new Feed(new Conversation(c.tenantId(), c.id(), c.kind(), c.title(), latest.seq(),
          latest.createdAt(), c.createdAt()), key, deleted, channelUpdatedAt);
    }

    AmityV5MessageFeedView view(Message latest) {
      String id = conversation.id();
      String updated =
          Timestamps.iso(channelUpdatedAt == null
              ? conversation.lastActivityAt()
              : max(channelUpdatedAt, conversation.lastActivityAt()));
      return new AmityV5MessageFeedView(
          id,
          id,
          key,
          channelType(conversation.kind()),
          conversation.title() == null ? key : conversation.title(),
          latest == null ? null : latest.id(),
          latest == null ? null : Timestamps.iso(latest.createdAt()),
          // Switchboard does not record who created a channel: the feed is the channel's own.
          id,
          key,
          feedPath(conversation.tenantId(), id),
          conversation.lastSeq(),
          deleted,
          null,
          Timestamps.iso(conversation.createdAt()),
          updated,
          latest == null ? null : latest.id());
    }
  }

  /** Amity's channel type of a conversation kind (SMS sessions read as conversations). */
  public static String channelType(ConversationKind kind) {
    return switch (kind) {
      case DIRECT, GROUP, SMS -> "conversation";
      case COMMUNITY, LIVE, BROADCAST -> kind.name().toLowerCase(Locale.ROOT);
    };
  }

  /** The topic-like path of a channel's message feed. */
  public static String feedPath(String tenantId, String conversationId) {
    return tenantId + "/chat/" + conversationId + "/messagefeed/" + conversationId;
  }

  /** The topic-like path of a message (as v3 gives it). */
  public static String messagePath(Message m) {
    return m.tenantId() + "/chat/" + m.conversationId() + "/message/" + m.id();
  }

  private AmityV5MessageView message(MessageSnapshot snapshot, Feed channel, Map<String, User> people) {
    Message m = snapshot.message();
    var d = m.details();
    User sender = people.get(m.senderId());
    return new AmityV5MessageView(
        m.id(),
        m.tenantId(),
        m.conversationId(),
        channel == null ? m.conversationId() : channel.key(),
        channel == null ? "conversation" : channelType(channel.conversation().kind()),
        m.conversationId(),
        m.seq(),
        m.type().wireName(),
        data(json, m),
        m.fileId(),
        d.metadata() == null ? json.createObjectNode() : json.readTree(d.metadata()),
        d.tags(),
        sender == null ? m.senderId() : sender.id(),
        m.senderId(),
        d.mentions().stream().map(x -> mentioned(x, people)).toList(),
        new LinkedHashMap<>(snapshot.reactions()),
        snapshot.reactionsCount(),
        snapshot.myReactions(),
        d.parentId(),
        messagePath(m),
        d.flagCount(),
        AmityHashFlagView.of(snapshot.flaggerIds()),
        d.childrenCount(),
        d.deleted(),
        m.clientKey(),
        Timestamps.iso(d.editedAt() == null ? m.createdAt() : d.editedAt()),
        Timestamps.iso(m.createdAt()),
        Timestamps.iso(m.updatedAt()));
  }

  private static Set<String> userIdsOf(List<MessageSnapshot> snapshots) {
    Set<String> ids = new LinkedHashSet<>();
    for (MessageSnapshot s : snapshots) {
      ids.add(s.message().senderId());
      s.message().details().mentions().forEach(m -> ids.addAll(m.userIds()));
    }
    return ids;
  }

  /** The stored payload, else {@code {"text": content}}; {@code {}} once deleted (v3 and v5). */
  public static JsonNode data(JsonMapper json, Message m) {
    if (m.details().data() != null) {
      return json.readTree(m.details().data());
    }
    var node = json.createObjectNode();
    if (m.content() != null) {
      node.put("text", m.content());
    }
    return node;
  }

  private static AmityV5MessageView.Mentioned mentioned(Mention mention, Map<String, User> people) {
    if (mention.type() == Mention.Type.CHANNEL) {
      return new AmityV5MessageView.Mentioned("channel", List.of(), List.of());
    }
    List<String> internal =
        mention.userIds().stream().map(people::get).filter(Objects::nonNull).map(User::id).toList();
    return new AmityV5MessageView.Mentioned("user", internal, mention.userIds());
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
