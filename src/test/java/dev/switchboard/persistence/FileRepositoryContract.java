package dev.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.internal.JdbcConversations;
import dev.switchboard.file.AccessType;
import dev.switchboard.file.FileKind;
import dev.switchboard.file.GpsPosition;
import dev.switchboard.file.StoredFile;
import dev.switchboard.file.internal.JdbcFilePolicies;
import dev.switchboard.file.internal.JdbcStoredFiles;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Scope;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.tenant.internal.JdbcTenants;
import dev.switchboard.user.User;
import dev.switchboard.user.internal.JdbcUsers;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The files table and its shares, on every database (H2 and PostgreSQL implementations). */
interface FileRepositoryContract {
  Ids IDS = new Ids(Clock.systemUTC());
  Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  JdbcClient jdbc();

  private String tenantWithUser(String userId) {
    String id = IDS.next();
    new JdbcTenants(jdbc()).insert(new Tenant(id, "t-" + id, null, NOW));
    new JdbcUsers(jdbc()).insert(
        new User(id, userId, IDS.next(), userId, Scope.BASIC_USER, NOW, NOW), "{bcrypt}x");
    return id;
  }

  private StoredFile file(String tenantId, String owner) {
    return new StoredFile(tenantId, IDS.next(), owner, "photo é.jpg", "image/jpeg", FileKind.IMAGE,
        12345, "a".repeat(64), "b".repeat(64), "image/jpeg", 1920, 1080, null,
        "{\"Make\":\"X\"}", new GpsPosition(52.5, 13.41), AccessType.PRIVATE, "a cat", NOW);
  }

  @Test
  default void storesAndFindsEveryFieldWithinItsTenantOnly() {
    String tenant = tenantWithUser("alice");
    String other = tenantWithUser("alice");
    var files = new JdbcStoredFiles(jdbc());
    StoredFile file = file(tenant, "alice");
    files.insert(file);
    assertThat(files.find(tenant, file.id())).contains(file);
    assertThat(files.find(other, file.id())).isEmpty();
    StoredFile audio = new StoredFile(tenant, IDS.next(), "alice", "a.ogg", "audio/vorbis",
        FileKind.AUDIO, 10, "c".repeat(64), null, null, null, null, 4500L, null, null,
        AccessType.PUBLIC, null, NOW);
    files.insert(audio);
    assertThat(files.find(tenant, audio.id())).contains(audio);
  }

  @Test
  default void aFileBelongsToAUserOfItsTenant() {
    String tenant = tenantWithUser("alice");
    assertThatThrownBy(() -> new JdbcStoredFiles(jdbc()).insert(file(tenant, "nobody")))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  default void sharingIsIdempotentAndScopedToTheTenant() {
    String tenant = tenantWithUser("alice");
    var files = new JdbcStoredFiles(jdbc());
    StoredFile file = file(tenant, "alice");
    files.insert(file);
    var conversations = new JdbcConversations(jdbc());
    Conversation chat = new Conversation(tenant, IDS.next(), ConversationKind.GROUP, "g", 0, NOW, NOW);
    conversations.insert(chat, null);
    files.share(tenant, file.id(), chat.id());
    files.share(tenant, file.id(), chat.id());
    assertThat(files.sharedInto(tenant, file.id())).containsExactly(chat.id());
    assertThat(files.sharedInto(tenantWithUser("bob"), file.id())).isEmpty();
  }

  @Test
  default void readableFilesAreTheOwnPublicAndSharedIntoTheReadersConversations() {
    String tenant = tenantWithUser("alice");
    var users = new JdbcUsers(jdbc());
    for (String name : new String[] {"bob", "carol"}) {
      users.insert(new User(tenant, name, IDS.next(), name, Scope.BASIC_USER, NOW, NOW), "{bcrypt}x");
    }
    var files = new JdbcStoredFiles(jdbc());
    StoredFile shared = file(tenant, "alice");
    StoredFile kept = file(tenant, "alice");
    StoredFile open = new StoredFile(tenant, IDS.next(), "alice", "p.pdf", "application/pdf",
        FileKind.FILE, 1, "d".repeat(64), null, null, null, null, null, null, null,
        AccessType.PUBLIC, null, NOW);
    for (StoredFile f : new StoredFile[] {shared, kept, open}) {
      files.insert(f);
    }
    var conversations = new JdbcConversations(jdbc());
    Conversation chat = new Conversation(tenant, IDS.next(), ConversationKind.GROUP, "g", 0, NOW, NOW);
    conversations.insert(chat, null);
    conversations.addMember(tenant, chat.id(), "bob", NOW);
    files.share(tenant, shared.id(), chat.id());
    var all = java.util.List.of(shared.id(), kept.id(), open.id());

    assertThat(files.readableBy(tenant, "alice", all)).hasSize(3);
    assertThat(files.readableBy(tenant, "bob", all)).extracting(StoredFile::id)
        .containsExactlyInAnyOrder(shared.id(), open.id());
    assertThat(files.readableBy(tenant, "carol", all)).extracting(StoredFile::id)
        .containsExactly(open.id());
    assertThat(files.readableBy(tenantWithUser("bob"), "bob", all)).isEmpty();
    assertThat(files.readableBy(tenant, "alice", java.util.List.of())).isEmpty();
  }

  @Test
  default void aDomainsFilePolicyIsSetThenChangedAndOnlyItsOwn() {
    String tenant = tenantWithUser("alice");
    String other = tenantWithUser("alice");
    var policies = new JdbcFilePolicies(jdbc());
    assertThat(policies.shareGps(tenant)).isEmpty();
    policies.setShareGps(tenant, true, NOW);
    assertThat(policies.shareGps(tenant)).contains(true);
    policies.setShareGps(tenant, false, NOW.plusSeconds(1));
    assertThat(policies.shareGps(tenant)).contains(false);
    assertThat(policies.shareGps(other)).isEmpty();
  }

  @Test
  default void aDeletedFileLeavesNoRecordNorSharesAndOwnersListOnlyTheirOwn() {
    String tenant = tenantWithUser("alice");
    new JdbcUsers(jdbc()).insert(new User(tenant, "bob", IDS.next(), "bob", Scope.BASIC_USER, NOW, NOW), "{bcrypt}x");
    var files = new JdbcStoredFiles(jdbc());
    StoredFile first = file(tenant, "alice");
    StoredFile second = file(tenant, "alice");
    StoredFile bobs = file(tenant, "bob");
    for (StoredFile f : new StoredFile[] {first, second, bobs}) {
      files.insert(f);
    }
    Conversation chat = new Conversation(tenant, IDS.next(), ConversationKind.GROUP, "g", 0, NOW, NOW);
    new JdbcConversations(jdbc()).insert(chat, null);
    files.share(tenant, first.id(), chat.id());

    assertThat(files.ownedBy(tenant, "alice")).containsExactly(first.id(), second.id());
    assertThat(files.ownedBy(tenantWithUser("alice"), "alice")).isEmpty();
    files.delete(tenantWithUser("alice"), first.id());
    assertThat(files.find(tenant, first.id())).isPresent();
    files.delete(tenant, first.id());
    assertThat(files.find(tenant, first.id())).isEmpty();
    assertThat(files.sharedInto(tenant, first.id())).isEmpty();
    assertThat(files.ownedBy(tenant, "alice")).containsExactly(second.id());
    assertThat(files.find(tenant, bobs.id())).isPresent();
  }

  @Test
  default void aSharedFileIsReadableOnlyWhileTheReaderIsAMemberOfAConversationItWasSharedInto() {
    String tenant = tenantWithUser("alice");
    new JdbcUsers(jdbc()).insert(new User(tenant, "bob", IDS.next(), "bob", Scope.BASIC_USER, NOW, NOW), "{bcrypt}x");
    var files = new JdbcStoredFiles(jdbc());
    StoredFile shared = file(tenant, "alice");
    files.insert(shared);
    var conversations = new JdbcConversations(jdbc());
    Conversation sharedInto = new Conversation(tenant, IDS.next(), ConversationKind.GROUP, "g", 0, NOW, NOW);
    Conversation elsewhere = new Conversation(tenant, IDS.next(), ConversationKind.GROUP, "h", 0, NOW, NOW);
    conversations.insert(sharedInto, null);
    conversations.insert(elsewhere, null);
    conversations.addMember(tenant, sharedInto.id(), "bob", NOW);
    conversations.addMember(tenant, elsewhere.id(), "bob", NOW);
    files.share(tenant, shared.id(), sharedInto.id());

    assertThat(files.readableBy(tenant, "bob", java.util.List.of(shared.id()))).hasSize(1);
    conversations.removeMember(tenant, sharedInto.id(), "bob");
    assertThat(files.readableBy(tenant, "bob", java.util.List.of(shared.id())))
        .as("membership of another conversation is no share").isEmpty();
  }
}
