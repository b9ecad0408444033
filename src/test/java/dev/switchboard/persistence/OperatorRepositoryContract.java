package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.IDS;
import static dev.switchboard.persistence.StorageRows.NOW;
import static dev.switchboard.persistence.StorageRows.hash;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.operator.AuditEntry;
import dev.switchboard.operator.AuditQuery;
import dev.switchboard.operator.OperatorSession;
import dev.switchboard.operator.internal.JdbcAuditEntries;
import dev.switchboard.operator.internal.JdbcOperatorSessions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator module's storage: the audit log and the console's sessions. */
interface OperatorRepositoryContract extends StorageContract {
  private AuditEntry audit(String tenantId, String action, String target, String details) {
    AuditEntry e = new AuditEntry(IDS.next(), tenantId, NOW, "admin-key", action,
        tenantId == null ? null : "t-" + tenantId, target, details, "127.0.0.1");
    new JdbcAuditEntries(jdbc()).insert(e);
    return e;
  }

  private List<AuditEntry> find(String tenantId, String action, String text, String before, int limit) {
    return new JdbcAuditEntries(jdbc()).find(new AuditQuery(tenantId, action, text, before, limit));
  }

  @Test
  default void theAuditLogIsReadNewestFirstByDomainActionAndTextOneMoreThanThePage() {
    String t = rows().tenant();
    String other = rows().tenant();
    AuditEntry created = audit(t, "user.create", "alice", null);
    AuditEntry disabled = audit(t, "user.disable", "bob", "Because SPAM");
    AuditEntry revoked = audit(t, "key.revoke", "k1", "100%_sure");
    AuditEntry imported = audit(t, "user_import", "file.csv", null);
    audit(other, "user.create", "alice", "spam");

    assertThat(find(t, null, null, null, 10)).containsExactly(imported, revoked, disabled, created);
    assertThat(find(t, null, null, null, 2)).as("one more tells that more exist")
        .containsExactly(imported, revoked, disabled);
    assertThat(find(t, null, null, revoked.id(), 10)).containsExactly(disabled, created);
    assertThat(find(t, "user", null, null, 10)).containsExactly(imported, disabled, created);
    assertThat(find(t, "user_", null, null, 10)).as("wildcards match themselves").containsExactly(imported);
    assertThat(find(t, null, "spam", null, 10)).containsExactly(disabled);
    assertThat(find(t, null, "ALICE", null, 10)).containsExactly(created);
    assertThat(find(t, null, "%", null, 10)).containsExactly(revoked);
    assertThat(find(t, "user.", "BOB", null, 10)).containsExactly(disabled);
  }

  @Test
  default void serverWideEntriesHaveNoDomainAndAreFoundOnlyAcrossDomains() {
    String t = rows().tenant();
    String action = "probe." + IDS.next();
    AuditEntry signIn = audit(null, action, null, null);
    AuditEntry inDomain = audit(t, action, null, null);
    assertThat(find(null, action, null, null, 10)).containsExactly(inDomain, signIn);
    assertThat(find(t, action, null, null, 10)).containsExactly(inDomain);
  }

  @Test
  default void aConsoleSessionLivesUntilItExpiresOrIsRevokedAndEndedOnesArePurged() {
    var sessions = new JdbcOperatorSessions(jdbc());
    Instant ancient = Instant.parse("2001-01-01T00:00:00Z");
    String live = hash();
    String signedOut = hash();
    String expired = hash();
    String oldRevoked = hash();
    OperatorSession session = session(NOW, NOW.plusSeconds(3600));
    sessions.insert(live, session);
    sessions.insert(signedOut, session(NOW, NOW.plusSeconds(3600)));
    sessions.insert(expired, session(ancient.minusSeconds(60), ancient));
    sessions.insert(oldRevoked, session(ancient.minusSeconds(60), NOW.plusSeconds(3600)));
    sessions.revoke(oldRevoked, ancient.minusSeconds(1));

    assertThat(sessions.findLive(live, NOW)).contains(session);
    assertThat(sessions.findLive(live, session.expiresAt())).as("expired").isEmpty();
    assertThat(sessions.findLive(hash(), NOW)).isEmpty();
    assertThat(sessions.revoke(signedOut, NOW)).isTrue();
    assertThat(sessions.revoke(signedOut, NOW)).isFalse();
    assertThat(sessions.findLive(signedOut, NOW)).isEmpty();
    assertThat(sessions.findLive(expired, ancient.minusSeconds(1))).isPresent();

    assertThat(sessions.purge(ancient.plusSeconds(1))).isGreaterThanOrEqualTo(2);
    assertThat(stored(expired)).isZero();
    assertThat(stored(oldRevoked)).isZero();
    assertThat(stored(signedOut)).as("revoked after the cutoff").isEqualTo(1);
    assertThat(sessions.findLive(live, NOW)).contains(session);
  }

  private OperatorSession session(Instant created, Instant expires) {
    return new OperatorSession(IDS.next(), "csrf-" + IDS.next(), created, expires, "10.0.0.1");
  }

  private long stored(String tokenHash) {
    return jdbc().sql("SELECT COUNT(*) FROM operator_sessions WHERE token_hash = ?")
        .param(tokenHash).query(Long.class).single();
  }
}
