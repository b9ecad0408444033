package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.IDS;
import static dev.switchboard.persistence.StorageRows.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.conversation.ChannelRoles;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.ConversationRef;
import dev.switchboard.conversation.Standing;
import dev.switchboard.conversation.internal.JdbcChannelMembers;
import dev.switchboard.conversation.internal.JdbcChannels;
import dev.switchboard.conversation.internal.JdbcConversations;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code Conversations.standing}, the one query the posting rule decides on: for every way a
 * request names a conversation ({@link ConversationRef}) and every state a user can be in.
 */
interface StandingContract extends StorageContract {
  private Optional<Standing> standing(String tenantId, ConversationRef ref, String userId) {
    return new JdbcConversations(jdbc()).standing(tenantId, ref, userId);
  }

  private Standing of(Conversation c, String userId) {
    return standing(c.tenantId(), new ConversationRef.Id(c.id()), userId).orElseThrow();
  }

  @Test
  default void aMemberOfAPlainGroupStandsAsAMemberAndNothingElse() {
    String t = rows().tenant("a", "b", "outsider");
    Conversation g = rows().conversation(t, ConversationKind.GROUP, "a", "b");
    rows().post(g, "a", "hi");
    Conversation now = new JdbcConversations(jdbc()).find(t, g.id()).orElseThrow();

    assertThat(of(g, "a"))
        .as("no channel settings were ever changed")
        .isEqualTo(new Standing(now, null, false, null, null, true, null, false, false));
    assertThat(of(g, "a").key()).isEqualTo(g.id());
    assertThat(of(g, "outsider").member()).isFalse();
    assertThat(standing(t, new ConversationRef.Id(IDS.next()), "a")).isEmpty();
  }

  @Test
  default void bansMutesAndModeratorRolesAreEachTheirUsersAlone() {
    String t = rows().tenant("mod", "helper", "reader", "muted", "banned");
    Conversation ch = rows().conversation(t, ConversationKind.COMMUNITY, "mod", "helper", "reader", "muted");
    var members = new JdbcChannelMembers(jdbc());
    members.addRole(t, ch.id(), List.of("mod"), ChannelRoles.CHANNEL_MODERATOR);
    members.addRole(t, ch.id(), List.of("helper"), "moderator");
    members.addRole(t, ch.id(), List.of("reader"), "reader");
    members.muteMembers(t, ch.id(), List.of("muted"), NOW.plusSeconds(600));
    members.ban(t, ch.id(), "banned", NOW);

    assertThat(of(ch, "mod").moderatorRole()).isTrue();
    assertThat(of(ch, "helper").moderatorRole()).isTrue();
    assertThat(of(ch, "reader").moderatorRole()).as("a role without moderator powers").isFalse();
    assertThat(of(ch, "muted"))
        .satisfies(s -> assertThat(s.memberMutedUntil()).isEqualTo(NOW.plusSeconds(600)))
        .satisfies(s -> assertThat(s.memberMuted(NOW)).isTrue())
        .satisfies(s -> assertThat(s.moderatorRole()).isFalse());
    assertThat(of(ch, "mod").memberMutedUntil()).isNull();
    assertThat(of(ch, "banned"))
        .satisfies(s -> assertThat(s.banned()).isTrue())
        .satisfies(s -> assertThat(s.member()).isFalse());
    assertThat(of(ch, "mod").banned()).isFalse();
  }

  @Test
  default void aChannelsMuteAndDeletionStandForEveryone() {
    String t = rows().tenant("a");
    Conversation ch = rows().conversation(t, ConversationKind.BROADCAST, "a");
    var channels = new JdbcChannels(jdbc());
    assertThat(of(ch, "a").channelMutedUntil()).isNull();
    channels.muteChannel(t, ch.id(), NOW.plusSeconds(60));
    assertThat(of(ch, "a").channelMuted(NOW)).isTrue();
    channels.muteChannel(t, ch.id(), null);
    assertThat(of(ch, "a").channelMutedUntil()).isNull();
    assertThat(of(ch, "a").deleted()).isFalse();
    channels.markDeleted(t, ch.id(), NOW);
    assertThat(of(ch, "a").deleted()).isTrue();
    assertThat(of(ch, "a").channelUpdatedAt()).as("a settings change, as the channel shows it")
        .isEqualTo(NOW).isEqualTo(channels.find(t, List.of(ch.id())).getFirst().settings().updatedAt());
    assertThat(of(ch, "a").conversation().kind()).isEqualTo(ConversationKind.BROADCAST);
  }

  @Test
  default void aChannelKeyNamesItsChannelAndWinsOverAnIdThatLooksTheSame() {
    String t = rows().tenant("a");
    Conversation keyed = rows().conversation(t, ConversationKind.COMMUNITY, "a");
    Conversation plain = rows().conversation(t, ConversationKind.COMMUNITY, "a");
    rows().channel(keyed, "news");

    Standing byKey = standing(t, new ConversationRef.ChannelKey("news"), "a").orElseThrow();
    assertThat(byKey.conversation().id()).isEqualTo(keyed.id());
    assertThat(byKey.key()).isEqualTo("news");
    assertThat(standing(t, new ConversationRef.ChannelKey(plain.id()), "a"))
        .as("a channel without a key is named by its id").get()
        .extracting(s -> s.conversation().id()).isEqualTo(plain.id());
    assertThat(standing(t, new ConversationRef.ChannelKey(keyed.id()), "a"))
        .as("a channel with a key is not named by its id as a key").isEmpty();
    assertThat(standing(t, new ConversationRef.Id(keyed.id()), "a").orElseThrow().channelKey())
        .isEqualTo("news");

    Conversation impostor = rows().conversation(t, ConversationKind.COMMUNITY, "a");
    rows().channel(impostor, plain.id());
    assertThat(standing(t, new ConversationRef.ChannelKey(plain.id()), "a").orElseThrow()
        .conversation().id()).isEqualTo(impostor.id());
    assertThat(standing(t, new ConversationRef.Id(plain.id()), "a").orElseThrow()
        .conversation().id()).isEqualTo(plain.id());
  }

  @Test
  default void theDirectConversationWithAUserIsThePairsFromEitherSide() {
    String t = rows().tenant("a", "b", "c");
    Conversation direct = rows().direct(t, "a", "b");

    assertThat(standing(t, new ConversationRef.DirectWith("b"), "a").orElseThrow())
        .satisfies(s -> assertThat(s.conversation().id()).isEqualTo(direct.id()))
        .satisfies(s -> assertThat(s.member()).isTrue());
    assertThat(standing(t, new ConversationRef.DirectWith("a"), "b").orElseThrow()
        .conversation().id()).isEqualTo(direct.id());
    assertThat(standing(t, new ConversationRef.DirectWith("c"), "a")).as("not opened yet").isEmpty();
    assertThat(standing(t, new ConversationRef.DirectWith("b"), "c")).isEmpty();
  }

  @Test
  default void anotherDomainFindsNothingHoweverItNamesTheConversation() {
    String t = rows().tenant("a", "b");
    String other = rows().tenant("a", "b");
    Conversation ch = rows().conversation(t, ConversationKind.COMMUNITY, "a");
    rows().channel(ch, "lobby");
    rows().direct(t, "a", "b");

    assertThat(standing(other, new ConversationRef.Id(ch.id()), "a")).isEmpty();
    assertThat(standing(other, new ConversationRef.ChannelKey("lobby"), "a")).isEmpty();
    assertThat(standing(other, new ConversationRef.ChannelKey(ch.id()), "a")).isEmpty();
    assertThat(standing(other, new ConversationRef.DirectWith("b"), "a")).isEmpty();
  }
}
