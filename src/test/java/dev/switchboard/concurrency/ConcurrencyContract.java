package dev.switchboard.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Money and ordering under concurrent load through the real HTTP API, on each database.
 * Bounded: a fixed number of requests on loopback, and a timeout on the whole run.
 */
interface ConcurrencyContract {
  int USERS = 10;
  long START_BALANCE = 1_000;

  Fixtures fixtures();

  JdbcClient jdbc();

  @Test
  default void concurrentTransfersWithRetriesNeverLoseOrCreateCredits() throws Exception {
    String domain = fixtures().domain();
    List<String> users = new ArrayList<>();
    Map<String, String> tokens = new HashMap<>();
    for (int i = 0; i < USERS; i++) {
      String user = fixtures().user(domain);
      fixtures().credit(domain, user, START_BALANCE);
      users.add(user);
      tokens.put(user, fixtures().token(domain, user));
    }
    int threads = 16;
    int perThread = 200;
    List<Future<int[]>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int thread = 0; thread < threads; thread++) {
        int id = thread;
        results.add(pool.submit(() -> randomTransfers(domain, users, tokens, id, perThread)));
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    }
    int moved = 0;
    for (Future<int[]> result : results) {
      moved += result.get()[0];
    }
    assertThat(moved).as("some transfers must have succeeded").isPositive();

    long total = 0;
    for (String user : users) {
      long balance = fixtures().balance(domain, user);
      assertThat(balance).as("balance of %s", user).isNotNegative();
      total += balance;
    }
    assertThat(total).isEqualTo(USERS * START_BALANCE);

    String tenantId = jdbc().sql("SELECT id FROM tenants WHERE name = ?").param(domain)
        .query(String.class).single();
    List<Map<String, Object>> mismatches = jdbc().sql("""
        SELECT w.account, w.balance, COALESCE(SUM(l.amount), 0) AS ledger
        FROM wallets w LEFT JOIN ledger_entries l ON l.tenant_id = w.tenant_id AND l.account = w.account
        WHERE w.tenant_id = ?
        GROUP BY w.account, w.balance
        HAVING w.balance <> COALESCE(SUM(l.amount), 0)""").param(tenantId).query().listOfRows();
    assertThat(mismatches).as("wallets whose balance differs from their ledger").isEmpty();
    long transfers = jdbc().sql("SELECT COUNT(*) FROM credit_transfers WHERE tenant_id = ? AND kind = 'TRANSFER'")
        .param(tenantId).query(Long.class).single();
    long transferMessages = jdbc().sql("SELECT COUNT(*) FROM messages WHERE tenant_id = ? AND type = 'CREDIT_TRANSFER'")
        .param(tenantId).query(Long.class).single();
    assertThat(transfers).as("one transfer per success, retries included").isEqualTo(moved);
    assertThat(transferMessages).isEqualTo(transfers);
  }

  /**
   * Returns {keys that moved credits}. A retry reuses its key: after a success it must get the
   * identical answer and move nothing; after a refusal (nothing moved) it may succeed once the
   * balance allows.
   */
  private int[] randomTransfers(
      String domain, List<String> users, Map<String, String> tokens, int thread, int count) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int successes = 0;
    for (int i = 0; i < count; i++) {
      String from = users.get(random.nextInt(users.size()));
      String to = users.get(random.nextInt(users.size()));
      if (from.equals(to)) {
        continue;
      }
      String key = "t" + thread + "-" + i;
      String body = Json.of("recipientId", to, "amount", 1 + random.nextInt(150));
      Response first = send(tokens.get(from), key, body);
      assertThat(first.statusCode()).as(first.asString()).isIn(201, 409);
      boolean moved = first.statusCode() == 201;
      if (random.nextInt(3) == 0) {
        Response retry = send(tokens.get(from), key, body);
        assertThat(retry.statusCode()).as(retry.asString()).isIn(201, 409);
        if (moved) {
          assertThat(retry.statusCode()).isEqualTo(201);
          assertThat(retry.<Object>path("data")).isEqualTo(first.path("data"));
        }
        moved |= retry.statusCode() == 201;
      }
      if (moved) {
        successes++;
      }
    }
    return new int[] {successes};
  }

  private Response send(String token, String key, String body) {
    return fixtures().as(token).header("Idempotency-Key", key).body(body)
        .post("/api/v1/messages/credit-transfer");
  }

  /**
   * Issue 14's finding: four identical transfers of 8 from a balance of 10, sent at once with one
   * Idempotency-Key, were answered one 201 and three "insufficient credits" for a transfer that
   * was applied. Every answer must now be the committed transfer, or "still in progress".
   */
  @Test
  default void concurrentRetriesOfOneTransferNeverContradictWhatWasCommitted() throws Exception {
    String domain = fixtures().domain();
    String payer = fixtures().user(domain);
    String payee = fixtures().user(domain);
    fixtures().credit(domain, payer, 10);
    String token = fixtures().token(domain, payer);
    String body = Json.of("recipientId", payee, "amount", 8);
    List<Future<Response>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < 4; i++) {
        answers.add(pool.submit(() -> send(token, "pay-once", body)));
      }
    }
    Object committed = null;
    for (Future<Response> answer : answers) {
      Response r = answer.get();
      assertThat(r.statusCode()).as(r.asString()).isIn(201, 409);
      if (r.statusCode() == 201) {
        committed = committed == null ? r.path("data") : committed;
        assertThat(r.<Object>path("data")).isEqualTo(committed);
      } else {
        assertThat(r.asString()).contains("still in progress");
      }
    }
    assertThat(committed).as("one of them was applied").isNotNull();
    assertThat(fixtures().balance(domain, payer)).isEqualTo(2);
    assertThat(fixtures().balance(domain, payee)).isEqualTo(8);
    // Later retries still get the committed transfer, never a refusal.
    Response later = send(token, "pay-once", body);
    assertThat(later.statusCode()).isEqualTo(201);
    assertThat(later.<Object>path("data")).isEqualTo(committed);
  }

  @Test
  default void concurrentPostsIntoOneChatGetGapFreeUniqueSequenceNumbers() throws Exception {
    String domain = fixtures().domain();
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      members.add(fixtures().user(domain));
    }
    String owner = members.getFirst();
    String ownerToken = fixtures().token(domain, owner);
    // A group chat is not creatable through Allmine yet: use one direct chat shared by two
    // users, each posting from four threads.
    String peer = members.get(1);
    String peerToken = fixtures().token(domain, peer);
    String chatId = fixtures().as(ownerToken)
        .body(Json.of("type", "text", "targetUserId", peer, "content", "start"))
        .post("/api/v2/messages").path("data.chatId");
    int threads = 8;
    int perThread = 50;
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String token = t % 2 == 0 ? ownerToken : peerToken;
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            fixtures().as(token)
                .body(Json.of("type", "text", "chatId", chatId, "content", thread + ":" + i))
                .post("/api/v2/messages").then().statusCode(201);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
    }
    List<Long> seqs = jdbc().sql("SELECT seq FROM messages WHERE conversation_id = ? ORDER BY seq")
        .param(chatId).query(Long.class).list();
    int expected = 1 + threads * perThread;
    assertThat(seqs).hasSize(expected);
    for (int i = 0; i < expected; i++) {
      assertThat(seqs.get(i)).isEqualTo(i + 1L);
    }
    // Each thread's own messages keep the order it sent them in.
    List<String> contents = jdbc().sql("SELECT content FROM messages WHERE conversation_id = ? ORDER BY seq")
        .param(chatId).query(String.class).list();
    Map<String, Integer> lastSeen = new HashMap<>();
    for (String content : contents.subList(1, contents.size())) {
      String[] parts = content.split(":");
      int index = Integer.parseInt(parts[1]);
      assertThat(index).isGreaterThan(lastSeen.getOrDefault(parts[0], -1));
      lastSeen.put(parts[0], index);
    }
    fixtures().as(ownerToken).get("/api/v1/messages/chat/{id}", chatId).then()
        .body("data.total", org.hamcrest.Matchers.equalTo(expected));
  }
}
