package dev.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.idempotency.IdempotentRequest;
import dev.switchboard.idempotency.StoredOutcome;
import dev.switchboard.idempotency.internal.JdbcIdempotencyKeys;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.ErrorReason;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code JdbcIdempotencyKeys}: one claim per (tenant, caller, operation, key), then one outcome. */
interface IdempotencyRepositoryContract extends StorageContract {
  /** Far from now, so a purge driven here touches no other test's keys on a shared database. */
  Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

  private IdempotentRequest request(String tenantId, String caller, String key) {
    return IdempotentRequest.of(tenantId, caller, "test.op", key, "same body");
  }

  @Test
  default void aKeyIsClaimedOnceAndRecordsOneOutcomeForItsCallerOnly() {
    var keys = new JdbcIdempotencyKeys(jdbc());
    String tenant = rows().tenant();
    String key = "k-" + UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    IdempotentRequest mine = request(tenant, "alice", key);
    assertThat(keys.claim(mine, now.plusSeconds(60), now)).isTrue();
    assertThat(keys.claim(mine, now.plusSeconds(60), now)).isFalse();
    // The same key of another caller, another operation or another tenant is another key.
    assertThat(keys.claim(request(tenant, "bob", key), now.plusSeconds(60), now)).isTrue();
    assertThat(keys.claim(IdempotentRequest.of(tenant, "alice", "test.other", key, "x"), now.plusSeconds(60), now)).isTrue();
    assertThat(keys.claim(request(rows().tenant(), "alice", key), now.plusSeconds(60), now)).isTrue();

    StoredOutcome running = keys.find(mine).orElseThrow();
    assertThat(running.finished()).isFalse();
    assertThat(running.inProgressUntil()).isEqualTo(now.plusSeconds(60));
    assertThat(running.fingerprint()).isEqualTo(mine.fingerprint());

    keys.succeeded(mine, "result-1", now.plusSeconds(3600));
    StoredOutcome done = keys.find(mine).orElseThrow();
    assertThat(done.finished()).isTrue();
    assertThat(done.resultId()).isEqualTo("result-1");
    assertThat(done.refusal()).isNull();
    // A finished key is neither taken over nor released.
    assertThat(keys.takeOver(mine, now.plusSeconds(120), now.plusSeconds(90))).isFalse();
    keys.release(mine);
    assertThat(keys.find(mine)).isPresent();
  }

  @Test
  default void aRefusalIsKeptInItsRawFormAndAnExpiredLeaseIsTakenOverOnce() {
    var keys = new JdbcIdempotencyKeys(jdbc());
    String tenant = rows().tenant();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    IdempotentRequest refused = request(tenant, "alice", "refused-" + UUID.randomUUID());
    keys.claim(refused, now.plusSeconds(60), now);
    var refusal = new StoredOutcome.Refusal(ErrorCode.FORBIDDEN, ErrorReason.USER_MUTED,
        "{CONVERSATION} is muted", List.of("{TEXT} line one", "line \"two\"\nwith a newline"));
    keys.refused(refused, refusal, now.plusSeconds(3600));
    assertThat(keys.find(refused).orElseThrow().refusal()).isEqualTo(refusal);

    IdempotentRequest died = request(tenant, "alice", "died-" + UUID.randomUUID());
    keys.claim(died, now.minusSeconds(1), now.minusSeconds(61));
    assertThat(keys.takeOver(died, now.plusSeconds(60), now)).isTrue();
    assertThat(keys.takeOver(died, now.plusSeconds(60), now)).isFalse();
    keys.release(died);
    assertThat(keys.find(died)).isEmpty();
  }

  @Test
  default void expiredKeysAreRemovedButNotARunningClaim() {
    var keys = new JdbcIdempotencyKeys(jdbc());
    String tenant = rows().tenant();
    IdempotentRequest old = request(tenant, "alice", "old-" + UUID.randomUUID());
    IdempotentRequest running = request(tenant, "alice", "running-" + UUID.randomUUID());
    keys.claim(old, LONG_AGO.plusSeconds(1), LONG_AGO);
    keys.succeeded(old, "r", LONG_AGO.plusSeconds(10));
    // Its expiry is past, but its lease is not: the request may still be running.
    keys.claim(running, LONG_AGO.plusSeconds(100_000), LONG_AGO);
    jdbc().sql("UPDATE idempotency_keys SET expires_at = ? WHERE idem_key = ?")
        .params(java.time.OffsetDateTime.parse("2001-01-01T00:00:20Z"), running.key()).update();
    assertThat(keys.removeExpired(LONG_AGO.plusSeconds(30))).isGreaterThanOrEqualTo(1);
    assertThat(keys.find(old)).isEmpty();
    assertThat(keys.find(running)).isPresent();
  }
}
