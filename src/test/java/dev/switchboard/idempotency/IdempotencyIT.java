package dev.switchboard.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.ErrorReason;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import io.restassured.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Idempotency-Key the way Stripe does it, on every write that takes one: the outcome (success or
 * refusal) is replayed, the same key for another request is a conflict, blank keys are refused,
 * a request that never executed leaves its key free, and keys expire.
 */
class IdempotencyIT extends ApiTestBase {
  @Autowired IdempotencyCleanup cleanup;
  @Autowired IdempotencyKeys keys;
  @Autowired Clock clock;
  @Autowired PlatformTransactionManager transactions;

  private String domain;
  private String alice;
  private String bob;
  private String token;

  @BeforeEach
  void twoUsers() {
    domain = fixtures.domain();
    alice = fixtures.user(domain);
    bob = fixtures.user(domain);
    token = fixtures.token(domain, alice);
  }

  private Response transfer(String key, long amount) {
    return fixtures.as(token).header("Idempotency-Key", key)
        .body(Json.of("recipientId", bob, "amount", amount)).post("/api/v1/messages/credit-transfer");
  }

  private Response send(String key, String text) {
    return fixtures.as(token).header("Idempotency-Key", key)
        .body(Json.of("type", "text", "targetUserId", bob, "content", text)).post("/api/v2/messages");
  }

  @Test
  void aRefusalIsRememberedAndReplayedWhileANewKeyRunsAgain() {
    fixtures.credit(domain, alice, 5);
    transfer("too-much", 8).then().statusCode(409).body("errors", hasItem("Insufficient credits: balance 5, requested 8"));
    fixtures.credit(domain, alice, 20);
    // The same request again: the first answer, although the balance would now allow it.
    transfer("too-much", 8).then().statusCode(409).body("errors", hasItem("Insufficient credits: balance 5, requested 8"));
    transfer("enough", 8).then().statusCode(201);
    assertThat(fixtures.balance(domain, bob)).isEqualTo(8);
  }

  @Test
  void theSameKeyForAnotherRequestIsAConflictAndNothingMoves() {
    fixtures.credit(domain, alice, 50);
    Response first = transfer("k", 10);
    first.then().statusCode(201);
    transfer("k", 10).then().statusCode(201).body("data._id", equalTo(first.path("data._id")));
    transfer("k", 11).then().statusCode(409)
        .body("errors", hasItem("Idempotency-Key was already used for a different request"));
    send("k", "a message is another operation: its own key space").then().statusCode(201);
    assertThat(fixtures.balance(domain, bob)).isEqualTo(10);
  }

  @Test
  void blankKeysAreRefusedOnEveryWriteThatTakesOne() {
    fixtures.credit(domain, alice, 50);
    transfer(" ", 1).then().statusCode(400).body("errors", hasItem("Idempotency-Key must not be blank"));
    send("", "hi").then().statusCode(400).body("errors", hasItem("Idempotency-Key must not be blank"));
    fixtures.admin().header("Idempotency-Key", " ").body(Json.of("amount", 5, "reason", "blank"))
        .post("/admin/v1/domains/{d}/users/{u}/credits", domain, alice)
        .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("Idempotency-Key must not be blank"));
    assertThat(fixtures.balance(domain, bob)).isZero();
    assertThat(fixtures.balance(domain, alice)).isEqualTo(50);
  }

  @Test
  void anInvalidRequestLeavesItsKeyFreeForTheCorrectedOne() {
    fixtures.credit(domain, alice, 50);
    fixtures.as(token).header("Idempotency-Key", "fix-me").body(Json.of("recipientId", bob, "amount", 0))
        .post("/api/v1/messages/credit-transfer").then().statusCode(400);
    transfer("fix-me", 7).then().statusCode(201);
    assertThat(fixtures.balance(domain, bob)).isEqualTo(7);
  }

  @Test
  void aSentMessageIsAnsweredAgainAndKeysExpire() {
    Response first = send("hello-1", "hello");
    first.then().statusCode(201);
    send("hello-1", "hello").then().statusCode(201).body("data._id", equalTo(first.path("data._id")));
    send("hello-1", "another text").then().statusCode(409);

    // A day later (the cleanup, driven with the time it would run at), the key is free again.
    assertThat(cleanup.removeExpired(Instant.now().plus(Duration.ofHours(25)))).isPositive();
    Response reused = send("hello-1", "another text");
    reused.then().statusCode(201);
    assertThat(reused.<String>path("data._id")).isNotEqualTo(first.path("data._id"));
  }

  @Test
  void aDuplicateWaitsForTheFirstOrIsToldItIsStillInProgress() throws Exception {
    String tenantId = "000000000000000000000001";
    IdempotentRequests impatient =
        new IdempotentRequests(keys, new IdempotencyProperties(null, Duration.ofMillis(300), null),
            clock, transactions, event -> { });
    IdempotentRequest request = IdempotentRequest.of(tenantId, "caller", "test.slow", "slow-1", "same");
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    CompletableFuture<IdempotentRequests.Outcome<String>> first =
        CompletableFuture.supplyAsync(() -> impatient.once(request, () -> {
          runs.incrementAndGet();
          started.countDown();
          await(release);
          return "made";
        }, made -> made, id -> id));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> impatient.once(request, () -> "second", made -> made, id -> id))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
          assertThat(e.reason()).contains(ErrorReason.REQUEST_IN_PROGRESS);
        });
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new IdempotentRequests.Outcome<>("made", false));
    // Once finished, a duplicate replays the outcome; the work ran once.
    assertThat(impatient.once(request, () -> "second", made -> made, id -> "replayed " + id))
        .isEqualTo(new IdempotentRequests.Outcome<>("replayed made", true));
    assertThat(runs).hasValue(1);
  }

  @Test
  void aClaimWhoseRequestDiedIsTakenOverAfterItsLease() {
    String tenantId = "000000000000000000000001";
    IdempotentRequest request = IdempotentRequest.of(tenantId, "caller", "test.died", "died-1", "same");
    Instant past = clock.instant().minusSeconds(120);
    new org.springframework.transaction.support.TransactionTemplate(transactions)
        .executeWithoutResult(s -> assertThat(keys.claim(request, past.plusSeconds(60), past)).isTrue());
    IdempotentRequests requests = new IdempotentRequests(keys, new IdempotencyProperties(null, null, null),
        clock, transactions, event -> { });
    assertThat(requests.once(request, () -> "done", made -> made, id -> id))
        .isEqualTo(new IdempotentRequests.Outcome<>("done", false));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
