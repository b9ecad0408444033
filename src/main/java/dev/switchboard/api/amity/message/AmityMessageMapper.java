package dev.switchboard.api.amity.message;

import dev.switchboard.api.amity.AmityFiles;
import dev.switchboard.api.amity.AmityUserView;
import dev.switchboard.api.amity.AmityHashFlagView;
import dev.switchboard.api.amity.AmityV5Payloads;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityLatestReaction;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityMentioneeView;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityMessageV3;
import dev.switchboard.api.amity.message.AmityMessageDtos.AmityMessagesPayload;
import dev.switchboard.message.LatestReaction;
import dev.switchboard.message.Mention;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageSnapshot;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import dev.switchboard.conversation.Channels;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Core messages to Amity's v3 message object. {@code messageId} is the client's id when it chose
 * one (Amity lets it), else the message id; {@code channelSegment} is the conversation sequence.
 */
@Component
public class AmityMessageMapper {
  private final JsonMapper json;
  private final UserService users;
  private final Channels channels;
  private final AmityFiles files;

  AmityMessageMapper(JsonMapper json, UserService users, Channels channels, AmityFiles files) {
    this.json = json;
    this.users = users;
    this.channels = channels;
    this.files = files;
  }

  /** The side-loaded answer: the messages and every user they refer to. */
  public AmityMessagesPayload payload(Actor actor, List<MessageSnapshot> snapshots) {
    return payload(actor, snapshots, Map.of());
  }

  /**
   * The same, when the channel keys of (some of) the messages' conversations are already known
   * ({@code knownKeys}: conversation id to key); only the others are looked up.
   */
  public AmityMessagesPayload payload(
      Actor actor, List<MessageSnapshot> snapshots, Map<String, String> knownKeys) {
    Map<String, User> people = users.byUserId(actor.tenantId(), userIdsOf(snapshots));
    Map<String, String> keys = new HashMap<>(knownKeys);
    List<String> unknown =
        snapshots.stream()
            .map(s -> s.message().conversationId())
            .distinct()
            .filter(id -> !keys.containsKey(id))
            .toList();
    if (!unknown.isEmpty()) {
      channels.find(actor.tenantId(), unknown).forEach(c -> keys.put(c.id(), c.key()));
    }
    List<AmityMessageV3> views =
        snapshots.stream()
            .map(s -> message(s, keys.getOrDefault(s.message().conversationId(),
                s.message().conversationId()), people))
            .toList();
    List<String> senders =
        snapshots.stream().map(s -> s.message().senderId()).distinct().toList();
    List<AmityUserView> userViews =
        senders.stream().map(people::get).filter(Objects::nonNull).map(AmityUserView::of).toList();
    List<String> fileIds = snapshots.stream().map(s -> s.message().fileId()).toList();
    return new AmityMessagesPayload(views, userViews, files.of(actor, fileIds));
  }

  private static Set<String> userIdsOf(List<MessageSnapshot> snapshots) {
    Set<String> ids = new LinkedHashSet<>();
    for (MessageSnapshot s : snapshots) {
      ids.add(s.message().senderId());
      s.message().details().mentions().forEach(m -> ids.addAll(m.userIds()));
      LatestReaction latest = s.message().details().latestReaction();
      if (latest != null) {
        ids.add(latest.userId());
      }
    }
    return ids;
  }

  AmityMessageV3 message(MessageSnapshot snapshot, String channelId, Map<String, User> people) {
    Message m = snapshot.message();
    var d = m.details();
    String publicId = publicId(m);
    return new AmityMessageV3(
        m.id(),
        m.tenantId() + "/chat/" + m.conversationId() + "/message/" + m.id(),
        publicId,
        channelId,
        m.senderId(),
        m.type().wireName(),
        AmityV5Payloads.data(json, m),
        m.seq(),
        d.parentId(),
        m.fileId(),
        d.tags(),
        d.metadata() == null ? json.createObjectNode() : json.readTree(d.metadata()),
        d.flagCount(),
        AmityHashFlagView.of(snapshot.flaggerIds()),
        d.childrenCount(),
        snapshot.reactionsCount(),
        snapshot.reactions(),
        snapshot.myReactions(),
        latest(publicId, d.latestReaction(), people),
        d.deleted(),
        Timestamps.iso(m.createdAt()),
        Timestamps.iso(m.updatedAt()),
        Timestamps.iso(d.editedAt() == null ? m.createdAt() : d.editedAt()),
        d.mentions().stream().map(x -> mentionee(x, people)).toList());
  }

  static String publicId(Message m) {
    return m.clientKey() == null ? m.id() : m.clientKey();
  }

  private static AmityLatestReaction latest(
      String messageId, LatestReaction r, Map<String, User> people) {
    if (r == null) {
      return null;
    }
    User user = people.get(r.userId());
    return new AmityLatestReaction(
        messageId,
        "message",
        r.name(),
        r.userId(),
        user == null || user.displayName() == null ? r.userId() : user.displayName(),
        r.reactionId(),
        r.added() ? "add" : "remove",
        Timestamps.iso(r.at()));
  }

  private static AmityMentioneeView mentionee(Mention mention, Map<String, User> people) {
    List<String> internal =
        mention.userIds().stream().map(people::get).filter(Objects::nonNull).map(User::id).toList();
    return new AmityMentioneeView(
        mention.type().name().toLowerCase(Locale.ROOT), mention.userIds(), mention.userIds(), internal);
  }
}
