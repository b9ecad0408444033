package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.IDS;
import static dev.switchboard.persistence.StorageRows.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.conversation.Channel;
import dev.switchboard.conversation.ChannelQuery;
import dev.switchboard.conversation.ChannelQuery.MembershipFilter;
import dev.switchboard.conversation.ChannelQuery.Sort;
import dev.switchboard.conversation.ChannelSettings;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.ConversationSearch;
import dev.switchboard.conversation.internal.JdbcChannels;
import dev.switchboard.conversation.internal.JdbcConversationDirectory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The channel side of conversations: settings and keys ({@code JdbcChannels}), the channel search
 * ({@code ChannelQuerySql}) and the operator's conversation directory.
 */
interface ChannelRepositoryContract extends StorageContract {
  private static ChannelQuery query(MembershipFilter membership, Sort sort) {
    return new ChannelQuery(null, Set.of(), membership, Set.of(), Set.of(), null, sort, 100, 0);
  }

  @Test
  default void settingsAndTagsAreStoredWhileTheKeyIsFreeAndReadBackInTheGivenOrder() {
    var channels = new JdbcChannels(jdbc());
    String t = rows().tenant("a", "b");
    String other = rows().tenant("a");
    Conversation first = rows().conversation(t, ConversationKind.COMMUNITY, "a", "b");
    Conversation second = rows().conversation(t, ConversationKind.LIVE, "a");
    Conversation foreign = rows().conversation(other, ConversationKind.COMMUNITY, "a");
    var settings = new ChannelSettings("lobby", "avatar-1", "{\"k\":1}", List.of("red", "blue"), null,
        true, 5, false, null, NOW.plusSeconds(3));

    assertThat(channels.save(t, first.id(), "Lobby", settings)).isTrue();
    assertThat(channels.save(other, foreign.id(), "Lobby", settings)).as("keys are per domain").isTrue();
    assertThat(channels.save(t, second.id(), "Taken", StorageRows.settings("lobby", List.of("x"))))
        .as("another channel of the domain has the key").isFalse();
    assertThat(channels.find(t, List.of(second.id()))).singleElement()
        .satisfies(c -> assertThat(c.settings().key()).isNull())
        .satisfies(c -> assertThat(c.settings().tags()).isEmpty())
        .satisfies(c -> assertThat(c.conversation().title()).isEqualTo("title"));

    List<Channel> found = channels.find(t, List.of(second.id(), IDS.next(), first.id(), foreign.id()));
    assertThat(found).extracting(Channel::id).containsExactly(second.id(), first.id());
    Channel lobby = found.get(1);
    assertThat(lobby.settings()).isEqualTo(new ChannelSettings("lobby", "avatar-1", "{\"k\":1}",
        List.of("blue", "red"), null, true, 5, false, null, NOW.plusSeconds(3)));
    assertThat(lobby.conversation().title()).isEqualTo("Lobby");
    assertThat(lobby.memberCount()).isEqualTo(2);
    assertThat(lobby.key()).isEqualTo("lobby");
    assertThat(found.get(0).key()).isEqualTo(second.id());
    assertThat(channels.find(t, List.of())).isEmpty();

    channels.save(t, first.id(), "Lobby", StorageRows.settings("hall", List.of("green")));
    assertThat(channels.find(t, List.of(first.id())).getFirst().settings().tags()).containsExactly("green");
    assertThat(channels.idOfKey(t, "lobby")).as("the old key is free").isEmpty();
    assertThat(channels.idOfKey(t, "hall")).contains(first.id());
  }

  @Test
  default void aKeyNamesItsChannelBeforeAnyConversationIdAndOnlyInItsDomain() {
    var channels = new JdbcChannels(jdbc());
    String t = rows().tenant("a");
    String other = rows().tenant();
    Conversation plain = rows().conversation(t, ConversationKind.COMMUNITY, "a");
    Conversation keyed = rows().conversation(t, ConversationKind.COMMUNITY, "a");
    assertThat(channels.idOfKey(t, plain.id())).contains(plain.id());
    rows().channel(keyed, plain.id());
    assertThat(channels.idOfKey(t, plain.id())).contains(keyed.id());
    assertThat(channels.idOfKey(t, keyed.id())).as("a keyed channel's id is no key").isEmpty();
    assertThat(channels.idOfKey(other, plain.id())).isEmpty();
  }

  @Test
  default void mutingAndDeletingTouchOnlyTheirChannelAndDeletionKeepsItsFirstTime() {
    var channels = new JdbcChannels(jdbc());
    String t = rows().tenant("a");
    String other = rows().tenant();
    Conversation c = rows().conversation(t, ConversationKind.COMMUNITY, "a");
    channels.muteChannel(other, c.id(), NOW.plusSeconds(60));
    channels.markDeleted(other, c.id(), NOW);
    assertThat(settings(t, c)).satisfies(s -> assertThat(s.mutedUntil()).isNull())
        .satisfies(s -> assertThat(s.isDeleted()).isFalse());
    channels.muteChannel(t, c.id(), NOW.plusSeconds(60));
    assertThat(settings(t, c).isMuted(NOW)).isTrue();
    channels.markDeleted(t, c.id(), NOW.plusSeconds(1));
    channels.markDeleted(t, c.id(), NOW.plusSeconds(2));
    assertThat(settings(t, c))
        .satisfies(s -> assertThat(s.deletedAt()).isEqualTo(NOW.plusSeconds(1)))
        .satisfies(s -> assertThat(s.updatedAt()).isEqualTo(NOW.plusSeconds(1)));
  }

  private ChannelSettings settings(String tenantId, Conversation c) {
    return new JdbcChannels(jdbc()).find(tenantId, List.of(c.id())).getFirst().settings();
  }

  @Test
  default void aUserFindsTheOpenChannelsOfHisDomainAndThePrivateOnesHeIsIn() {
    var channels = new JdbcChannels(jdbc());
    String t = rows().tenant("a", "b", "c");
    String other = rows().tenant("a");
    Conversation community = created(t, ConversationKind.COMMUNITY, 1, "b");
    Conversation live = created(t, ConversationKind.LIVE, 2, "a");
    Conversation broadcast = created(t, ConversationKind.BROADCAST, 3, "b");
    Conversation hisGroup = created(t, ConversationKind.GROUP, 4, "a", "b");
    Conversation othersGroup = created(t, ConversationKind.GROUP, 5, "b");
    Conversation othersDirect = rows().direct(t, "b", "c");
    rows().conversation(other, ConversationKind.COMMUNITY, "a");

    assertThat(channels.query(t, "a", query(MembershipFilter.ALL, Sort.FIRST_CREATED)))
        .containsExactly(community.id(), live.id(), broadcast.id(), hisGroup.id())
        .doesNotContain(othersGroup.id(), othersDirect.id());
    assertThat(channels.query(t, "a", query(MembershipFilter.MEMBER, Sort.FIRST_CREATED)))
        .containsExactly(live.id(), hisGroup.id());
    assertThat(channels.query(t, "a", query(MembershipFilter.NOT_MEMBER, Sort.FIRST_CREATED)))
        .containsExactly(community.id(), broadcast.id());
    var kinds = new ChannelQuery(null, Set.of(ConversationKind.GROUP, ConversationKind.LIVE),
        MembershipFilter.ALL, Set.of(), Set.of(), null, Sort.FIRST_CREATED, 100, 0);
    assertThat(channels.query(t, "a", kinds)).containsExactly(live.id(), hisGroup.id());
  }

  private Conversation created(String tenantId, ConversationKind kind, int second, String... members) {
    return rows().conversation(tenantId, kind, kind.name(), NOW.plusSeconds(second), members);
  }

  @Test
  default void theChannelSearchFiltersByKeywordTagsAndDeletionAndSortsAndPages() {
    var channels = new JdbcChannels(jdbc());
    String t = rows().tenant("a");
    Conversation alpha = rows().conversation(t, ConversationKind.COMMUNITY, "alpha", NOW.minusSeconds(30));
    Conversation beta = rows().conversation(t, ConversationKind.COMMUNITY, "Beta 100%", NOW.minusSeconds(20));
    Conversation gamma = rows().conversation(t, ConversationKind.COMMUNITY, "gamma_b", NOW.minusSeconds(10));
    Conversation gone = rows().conversation(t, ConversationKind.COMMUNITY, "BETA gone", NOW);
    rows().channel(alpha, null, "news", "sport");
    rows().channel(beta, null, "news");
    rows().channel(gamma, null, "sport");
    channels.markDeleted(t, gone.id(), NOW);
    rows().post(alpha, "a", "revives alpha");

    assertThat(channels.query(t, "a", keyword("BETA", null))).containsExactly(beta.id());
    assertThat(channels.query(t, "a", keyword("beta", true))).containsExactly(gone.id());
    assertThat(channels.query(t, "a", keyword("%", null))).as("wildcards match themselves")
        .containsExactly(beta.id());
    assertThat(channels.query(t, "a", keyword("A_", null))).containsExactly(gamma.id());
    assertThat(channels.query(t, "a", tagged(Set.of("news"), Set.of())))
        .containsExactlyInAnyOrder(alpha.id(), beta.id());
    assertThat(channels.query(t, "a", tagged(Set.of("news", "sport"), Set.of())))
        .as("any of the tags").containsExactlyInAnyOrder(alpha.id(), beta.id(), gamma.id());
    assertThat(channels.query(t, "a", tagged(Set.of(), Set.of("sport"))))
        .containsExactlyInAnyOrder(beta.id());

    assertThat(channels.query(t, "a", query(MembershipFilter.ALL, Sort.LAST_ACTIVITY)))
        .containsExactly(alpha.id(), gamma.id(), beta.id());
    assertThat(channels.query(t, "a", query(MembershipFilter.ALL, Sort.LAST_CREATED)))
        .containsExactly(gamma.id(), beta.id(), alpha.id());
    assertThat(channels.query(t, "a", query(MembershipFilter.ALL, Sort.DISPLAY_NAME)))
        .containsExactly(alpha.id(), beta.id(), gamma.id());
    var page = new ChannelQuery(null, Set.of(), MembershipFilter.ALL, Set.of(), Set.of(), false,
        Sort.FIRST_CREATED, 1, 1);
    assertThat(channels.query(t, "a", page)).containsExactly(beta.id());
  }

  private static ChannelQuery keyword(String keyword, Boolean deleted) {
    return new ChannelQuery(keyword, Set.of(), MembershipFilter.ALL, Set.of(), Set.of(), deleted,
        Sort.FIRST_CREATED, 100, 0);
  }

  private static ChannelQuery tagged(Set<String> tags, Set<String> excluded) {
    return new ChannelQuery(null, Set.of(), MembershipFilter.ALL, tags, excluded, null,
        Sort.FIRST_CREATED, 100, 0);
  }

  @Test
  default void theOperatorsDirectoryFiltersByMemberKindAndTextMostRecentFirst() {
    var directory = new JdbcConversationDirectory(jdbc());
    String t = rows().tenant("a", "b");
    String other = rows().tenant("a");
    Conversation old = rows().conversation(t, ConversationKind.GROUP, "Sales Team", NOW.minusSeconds(20), "a");
    Conversation keyed = rows().conversation(t, ConversationKind.COMMUNITY, "x", NOW.minusSeconds(10), "b");
    Conversation recent = rows().conversation(t, ConversationKind.GROUP, "50%_off", NOW, "a", "b");
    Conversation deleted = rows().conversation(t, ConversationKind.GROUP, "Sales gone", NOW, "a");
    rows().channel(keyed, "help-desk");
    new JdbcChannels(jdbc()).markDeleted(t, deleted.id(), NOW);
    rows().conversation(other, ConversationKind.GROUP, "Sales", NOW, "a");
    var all = new ConversationSearch(null, null, null);

    assertThat(directory.search(t, all, 10, 0)).extracting(Conversation::id)
        .containsExactly(recent.id(), keyed.id(), old.id());
    assertThat(directory.search(t, all, 1, 1)).extracting(Conversation::id).containsExactly(keyed.id());
    assertThat(directory.count(t, all)).isEqualTo(3);
    assertThat(directory.search(t, new ConversationSearch("a", null, null), 10, 0))
        .extracting(Conversation::id).containsExactly(recent.id(), old.id());
    assertThat(directory.search(t, new ConversationSearch(null, ConversationKind.COMMUNITY, null), 10, 0))
        .extracting(Conversation::id).containsExactly(keyed.id());
    assertThat(directory.search(t, new ConversationSearch(null, null, "sales"), 10, 0))
        .extracting(Conversation::id).containsExactly(old.id());
    assertThat(directory.search(t, new ConversationSearch(null, null, "HELP"), 10, 0))
        .extracting(Conversation::id).containsExactly(keyed.id());
    assertThat(directory.search(t, new ConversationSearch(null, null, old.id().toUpperCase()), 10, 0))
        .extracting(Conversation::id).containsExactly(old.id());
    assertThat(directory.count(t, new ConversationSearch(null, null, "%"))).isEqualTo(1);
    assertThat(directory.count(t, new ConversationSearch("b", ConversationKind.GROUP, "off"))).isEqualTo(1);
    assertThat(directory.count(t, new ConversationSearch("b", ConversationKind.GROUP, "sales"))).isZero();
  }
}
