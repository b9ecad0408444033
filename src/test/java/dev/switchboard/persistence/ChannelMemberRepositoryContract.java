package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.conversation.ChannelMember;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.internal.JdbcChannelMembers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code JdbcChannelMembers}: members' roles, bans, mutes and mention cursors in one channel. */
interface ChannelMemberRepositoryContract extends StorageContract {
  @Test
  default void membersComeWithTheirRolesInJoinOrderFilteredByRoleAndPaged() {
    var members = new JdbcChannelMembers(jdbc());
    String t = rows().tenant("a", "b", "c", "d");
    String other = rows().tenant("a");
    Conversation ch = rows().conversation(t, ConversationKind.COMMUNITY, "a", "b", "c");
    Conversation beside = rows().conversation(t, ConversationKind.COMMUNITY, "d");

    assertThat(members.addRole(t, ch.id(), List.of("a", "c", "d"), "moderator"))
        .as("only members gain a role").isEqualTo(2);
    assertThat(members.addRole(t, ch.id(), List.of("a", "b"), "moderator")).as("a has it").isEqualTo(1);
    assertThat(members.addRole(t, ch.id(), List.of("a"), "channel-moderator")).isEqualTo(1);
    assertThat(members.addRole(other, ch.id(), List.of("a"), "x")).isZero();

    assertThat(members.members(t, ch.id(), List.of("c", "a", "d")))
        .extracting(ChannelMember::userId, ChannelMember::roles)
        .containsExactly(
            tuple("a", List.of("channel-moderator", "moderator")),
            tuple("c", List.of("moderator")));
    assertThat(members.members(t, ch.id(), List.of())).isEmpty();
    assertThat(members.members(other, ch.id(), List.of("a"))).isEmpty();
    assertThat(members.members(t, beside.id(), List.of("a"))).isEmpty();

    assertThat(members.removeRole(t, ch.id(), List.of("b", "c"), "moderator")).isEqualTo(2);
    assertThat(members.removeRole(t, ch.id(), List.of("b"), "moderator")).isZero();
    assertThat(members.members(t, ch.id(), List.of(), 10, 0)).extracting(ChannelMember::userId)
        .containsExactly("a", "b", "c");
    assertThat(members.members(t, ch.id(), List.of(), 2, 1)).extracting(ChannelMember::userId)
        .containsExactly("b", "c");
    assertThat(members.members(t, ch.id(), List.of("moderator", "channel-moderator"), 10, 0))
        .singleElement().satisfies(m -> assertThat(m.isModerator()).isTrue())
        .extracting(ChannelMember::userId).isEqualTo("a");
    assertThat(members.members(t, ch.id(), List.of("nobody-has-it"), 10, 0)).isEmpty();
    assertThat(members.members(other, ch.id(), List.of(), 10, 0)).isEmpty();
  }

  @Test
  default void aBanIsRecordedOnceListedOldestFirstAndLiftedOnce() {
    var members = new JdbcChannelMembers(jdbc());
    String t = rows().tenant("a", "b", "c");
    String other = rows().tenant("a");
    Conversation ch = rows().conversation(t, ConversationKind.COMMUNITY, "a");
    Conversation beside = rows().conversation(t, ConversationKind.COMMUNITY, "a");

    assertThat(members.ban(t, ch.id(), "c", NOW.plusSeconds(1))).isTrue();
    assertThat(members.ban(t, ch.id(), "b", NOW)).isTrue();
    assertThat(members.ban(t, ch.id(), "b", NOW.plusSeconds(5))).isFalse();
    assertThat(members.isBanned(t, ch.id(), "b")).isTrue();
    assertThat(members.isBanned(t, beside.id(), "b")).isFalse();
    assertThat(members.isBanned(other, ch.id(), "b")).isFalse();
    assertThat(members.banned(t, ch.id(), 10, 0)).containsExactly("b", "c");
    assertThat(members.banned(t, ch.id(), 1, 1)).containsExactly("c");
    assertThat(members.banned(other, ch.id(), 10, 0)).isEmpty();

    assertThat(members.unban(other, ch.id(), "b")).isFalse();
    assertThat(members.unban(t, ch.id(), "b")).isTrue();
    assertThat(members.unban(t, ch.id(), "b")).isFalse();
    assertThat(members.isBanned(t, ch.id(), "b")).isFalse();
    assertThat(members.banned(t, ch.id(), 10, 0)).containsExactly("c");
  }

  @Test
  default void mutesAndMentionCursorsChangeOnlyTheNamedMembersAndCursorsOnlyMoveForward() {
    var members = new JdbcChannelMembers(jdbc());
    String t = rows().tenant("a", "b", "c");
    String other = rows().tenant("a");
    Conversation ch = rows().conversation(t, ConversationKind.COMMUNITY, "a", "b", "c");

    members.muteMembers(t, ch.id(), List.of("a", "b"), NOW.plusSeconds(60));
    members.muteMembers(other, ch.id(), List.of("c"), NOW.plusSeconds(60));
    assertThat(states(t, ch)).extracting(m -> m.isMuted(NOW)).containsExactly(true, true, false);
    members.muteMembers(t, ch.id(), List.of("b"), null);
    assertThat(states(t, ch)).extracting(ChannelMember::mutedUntil)
        .containsExactly(NOW.plusSeconds(60), null, null);

    assertThat(members.advanceMentions(t, ch.id(), List.of("a", "b", "nobody"), 5)).isEqualTo(2);
    assertThat(members.advanceMentions(t, ch.id(), List.of("a", "c"), 3)).as("a is past 3").isEqualTo(1);
    assertThat(members.advanceMentions(t, ch.id(), List.of(), 9)).isZero();
    assertThat(members.advanceMentions(other, ch.id(), List.of("a"), 9)).isZero();
    assertThat(states(t, ch)).extracting(ChannelMember::lastMentionedSeq).containsExactly(5L, 5L, 3L);
  }

  private List<ChannelMember> states(String tenantId, Conversation c) {
    return new JdbcChannelMembers(jdbc()).members(tenantId, c.id(), List.of("a", "b", "c"));
  }
}
