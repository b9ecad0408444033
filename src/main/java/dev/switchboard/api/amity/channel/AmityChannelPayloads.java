package dev.switchboard.api.amity.channel;

import dev.switchboard.api.amity.AmityUserView;
import dev.switchboard.api.amity.channel.AmityChannelDtos.ChannelUserView;
import dev.switchboard.api.amity.channel.AmityChannelDtos.ChannelView;
import dev.switchboard.api.amity.channel.AmityChannelDtos.ChannelsPayload;
import dev.switchboard.api.amity.channel.AmityChannelDtos.MessagePreviewView;
import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelMember;
import dev.switchboard.conversation.ChannelMembership;
import dev.switchboard.conversation.Channels;
import dev.switchboard.message.Message;
import dev.switchboard.message.MessageService;
import dev.switchboard.api.amity.AmityFiles;
import dev.switchboard.shared.Actor;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import dev.switchboard.api.amity.channel.AmityChannelDtos.MessageFeedInfoView;
import java.util.HashMap;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembles Amity's side-loaded channel payload: {@code channelUsers} holds the caller's
 * membership, every member of conversation channels, and the users an action was about.
 */
@Component
public class AmityChannelPayloads {
  private final ChannelMembership membership;
  private final MessageService messages;
  private final UserService users;
  private final Clock clock;
  private final AmityFiles files;
  private final Channels channels;
  final AmityChannelMapper mapper;

  AmityChannelPayloads(
      ChannelMembership membership,
      MessageService messages,
      UserService users,
      Clock clock,
      AmityFiles files,
      Channels channels,
      JsonMapper json) {
    this.membership = membership;
    this.messages = messages;
    this.users = users;
    this.clock = clock;
    this.files = files;
    this.channels = channels;
    this.mapper = new AmityChannelMapper(json);
  }

  /**
   * The payload of a membership event about {@code userId} in one channel, as {@code actor}
   * sees it (the MQTT gateway's {@code channel.joined} / {@code channel.left}); empty when the
   * channel is gone.
   */
  public Optional<Object> membershipEvent(Actor actor, String conversationId, String userId) {
    List<Channel> found = channels.find(actor.tenantId(), List.of(conversationId));
    return found.isEmpty()
        ? Optional.empty()
        : Optional.of(of(actor, found, List.of(userId), false));
  }

  ChannelsPayload of(Actor actor, List<Channel> channels) {
    return of(actor, channels, List.of(), false);
  }

  /** With the users an action was about; not-members among them show as none, or banned. */
  ChannelsPayload of(Actor actor, List<Channel> channels, Collection<String> about, boolean banned) {
    Instant now = clock.instant();
    List<ChannelView> views = new ArrayList<>();
    List<ChannelUserView> channelUsers = new ArrayList<>();
    List<Message> shownLatest = new ArrayList<>();
    List<MessageFeedInfoView> feeds = new ArrayList<>();
    Map<String, Message> latest =
        messages.latest(actor, channels.stream().map(Channel::id).toList()).stream()
            .collect(Collectors.toMap(Message::conversationId, Function.identity(), (a, b) -> a));
    Set<String> userIds = new LinkedHashSet<>();
    Set<String> fileIds = new LinkedHashSet<>();
    for (Channel channel : channels) {
      Set<String> wanted = new LinkedHashSet<>();
      wanted.add(actor.userId());
      wanted.addAll(about);
      List<ChannelMember> members = membership.states(actor, channel.id(), wanted);
      if (!channel.conversation().kind().isOpen()) {
        members = membership.allStates(actor, channel.id());
      }
      boolean callerIsMember = members.stream().anyMatch(m -> m.userId().equals(actor.userId()));
      members.forEach(m -> channelUsers.add(mapper.member(channel, m, now)));
      Set<String> present = members.stream().map(ChannelMember::userId).collect(Collectors.toSet());
      about.stream()
          .filter(u -> !present.contains(u))
          .forEach(u -> channelUsers.add(mapper.outsider(channel, u, banned, now)));
      userIds.addAll(present);
      userIds.addAll(about);
      Optional<Message> last = Optional.ofNullable(callerIsMember ? latest.get(channel.id()) : null);
      views.add(mapper.channel(channel, last, now));
      last.ifPresent(m -> shownLatest.add(m));
      feeds.add(mapper.feedInfo(channel, last.orElse(null)));
      last.ifPresent(m -> userIds.add(m.senderId()));
      fileIds.add(channel.settings().avatarFileId());
      last.map(Message::fileId).ifPresent(fileIds::add);
    }
    List<User> people = users.getAll(actor.tenantId(), userIds);
    Map<String, User> byId = new HashMap<>();
    people.forEach(u -> byId.put(u.userId(), u));
    Map<String, Channel> byConversation = new HashMap<>();
    channels.forEach(c -> byConversation.put(c.id(), c));
    List<MessagePreviewView> previews = shownLatest.stream()
        .map(m -> mapper.preview(byConversation.get(m.conversationId()), m, byId.get(m.senderId())))
        .toList();
    List<AmityUserView> userViews = AmityUserView.of(people);
    // Avatars and previewed media the caller may read (avatars: upload them as public).
    return new ChannelsPayload(
        views, channelUsers, userViews, List.copyOf(files.of(actor, fileIds)), previews, feeds);
  }
}
