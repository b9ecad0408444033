package dev.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.ReadMarker;
import dev.switchboard.conversation.ReadTotals;
import dev.switchboard.conversation.internal.JdbcChannelMembers;
import dev.switchboard.conversation.internal.JdbcConversations;
import dev.switchboard.conversation.internal.JdbcReadMarkers;
import dev.switchboard.user.User;
import dev.switchboard.user.UserDirectoryQuery;
import dev.switchboard.user.internal.JdbcUsers;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code JdbcReadMarkers} (Amity's markers from the read cursors) and the users directory: unread
 * counts exclude the user's own messages, mentions count until read, activity filters, tenants.
 */
interface ReadMarkerContract extends StorageContract {
  @Test
  default void markersCountOthersMessagesBeyondTheCursorInOneTenant() {
    var markers = new JdbcReadMarkers(jdbc());
    String t = rows().tenant("ann", "ben");
    String other = rows().tenant("ann");
    var chat = rows().conversation(t, ConversationKind.GROUP, "ann", "ben");
    var quiet = rows().conversation(t, ConversationKind.GROUP, "ann", "ben");
    rows().post(chat, "ann", "one");
    rows().post(chat, "ben", "two");
    rows().post(chat, "ann", "three");
    new JdbcChannelMembers(jdbc()).advanceMentions(t, chat.id(), Set.of("ben"), 3);

    assertThat(markers.of(t, "ben", List.of(chat.id(), quiet.id(), "nope")))
        .extracting(m -> m.conversation().id(), ReadMarker::unreadCount, ReadMarker::mentioned)
        .containsExactlyInAnyOrder(tuple(chat.id(), 2L, true), tuple(quiet.id(), 0L, false));
    assertThat(markers.totals(t, "ben")).extracting(ReadTotals::unreadCount, ReadTotals::mentioned)
        .containsExactly(2L, true);
    assertThat(markers.totals(t, "ann").unreadCount()).as("own messages are read").isEqualTo(1);

    new JdbcConversations(jdbc()).markRead(t, chat.id(), "ben", 3);
    assertThat(markers.of(t, "ben", List.of(chat.id())).getFirst())
        .extracting(ReadMarker::lastReadSeq, ReadMarker::unreadCount, ReadMarker::mentioned)
        .containsExactly(3L, 0L, false);
    assertThat(markers.activeAfter(t, "ben", StorageRows.NOW.minusSeconds(1), 10)).hasSize(2);
    assertThat(markers.activeAfter(t, "ben", StorageRows.NOW.plusSeconds(1), 10)).isEmpty();
    assertThat(markers.activeAfter(t, "ben", StorageRows.NOW.minusSeconds(1), 1)).hasSize(1);
    assertThat(markers.of(other, "ann", List.of(chat.id()))).isEmpty();
    assertThat(markers.totals(other, "ann")).extracting(ReadTotals::unreadCount, ReadTotals::lastActivityAt)
        .containsExactly(0L, null);
  }

  @Test
  default void theDirectoryFindsByIdOrNameSortedAndLeavesOutDisabledUsers() {
    var users = new JdbcUsers(jdbc());
    String t = rows().tenant("zed", "amy", "bo_b", "off");
    users.setDisabled(t, "off", StorageRows.NOW);
    var all = new UserDirectoryQuery(null, false, UserDirectoryQuery.Order.DISPLAY_NAME, 10, 0);
    assertThat(users.directory(t, all)).extracting(User::userId).containsExactly("amy", "bo_b", "zed");
    assertThat(users.directory(t, new UserDirectoryQuery("NAME B", false, UserDirectoryQuery.Order.DISPLAY_NAME, 10, 0)))
        .extracting(User::userId).containsExactly("bo_b");
    assertThat(users.directory(t, new UserDirectoryQuery("_", false, UserDirectoryQuery.Order.DISPLAY_NAME, 10, 0)))
        .as("wildcards match themselves").extracting(User::userId).containsExactly("bo_b");
    assertThat(users.directory(t, new UserDirectoryQuery("AMY", true, UserDirectoryQuery.Order.DISPLAY_NAME, 10, 0)))
        .extracting(User::userId).containsExactly("amy");
    assertThat(users.directory(t, new UserDirectoryQuery("am", true, UserDirectoryQuery.Order.DISPLAY_NAME, 10, 0)))
        .isEmpty();
    assertThat(users.directory(t, new UserDirectoryQuery(null, false, UserDirectoryQuery.Order.DISPLAY_NAME, 1, 1)))
        .extracting(User::userId).containsExactly("bo_b");
    assertThat(users.directory(rows().tenant("other"), all)).extracting(User::userId).containsExactly("other");
  }
}
