package dev.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.support.WebhookReceiver;
import dev.switchboard.webhook.DeliveryStatus;
import dev.switchboard.webhook.SubscriptionStatus;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookDispatcher;
import dev.switchboard.webhook.WebhookFace;
import dev.switchboard.webhook.WebhookSettings;
import dev.switchboard.webhook.WebhookSignature;
import dev.switchboard.webhook.WebhookSubscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the dispatcher promises (docs/webhooks.md): signed posts, each conversation in order per
 * endpoint even across retries, the same event id on every attempt, retries after a 500 or a
 * timeout, suspension once the horizon is over, loopback refused unless allowed, and one post
 * per event with two nodes racing.
 */
interface WebhookDispatchContract extends WebhookDeliveryContract {

  @Test
  default void postsAreSignedAndEachConversationArrivesInOrderThroughRetries() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      // The first attempt of every third change fails: its conversation must wait for it. The
      // receiver answers on many threads (two conversations post at once): a concurrent map.
      Map<String, Integer> seen = new ConcurrentHashMap<>();
      receiver.answer(p -> {
        long seq = WebhookDeliveryContract.json(p).get("changeSeq").asLong();
        int attempt = seen.merge(p.id(), 1, Integer::sum);
        return seq % 3 == 0 && attempt == 1 ? 500 : 200;
      });
      Rig rig = rig(WebhookDeliveryContract.local(Duration.ofHours(24), Duration.ofSeconds(5)),
          receiver.url());
      Conversation a = conversation(rig.tenantId());
      Conversation b = conversation(rig.tenantId());
      rig.changes(a, 8);
      rig.changes(b, 8);
      WebhookDispatcher node = rig.node();
      for (int i = 0; i < 40 && !rig.allSettled(); i++) {
        Rig.pass(node);
        rig.clock().advance(rig.settings().maxBackoff());
      }

      assertThat(rig.outbox()).hasSize(16)
          .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED));
      List<WebhookReceiver.Post> accepted = receiver.accepted();
      assertThat(accepted).hasSize(16);
      for (WebhookReceiver.Post post : receiver.posts()) {
        assertThat(WebhookDeliveryContract.verifies(rig.secret(), post)).isTrue();
        assertThat(WebhookSignature.verify(rig.secret(), post.id(),
            Long.parseLong(post.timestamp()), post.body(), post.signature())).isTrue();
        assertThat(WebhookSignature.verify(rig.secret(), post.id(),
            Long.parseLong(post.timestamp()), post.body() + " ", post.signature())).isFalse();
        assertThat(WebhookDeliveryContract.json(post).get("id").asString()).isEqualTo(post.id());
      }
      for (Conversation c : List.of(a, b)) {
        assertThat(accepted.stream()
                .map(WebhookDeliveryContract::json)
                .filter(j -> j.get("conversationId").asString().equals(c.id()))
                .map(j -> j.get("changeSeq").asLong()))
            .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
      }
      // Failed attempts were retried under the same id: dedupe by id leaves one per change.
      Map<String, Long> attemptsById = receiver.posts().stream()
          .collect(Collectors.groupingBy(WebhookReceiver.Post::id, Collectors.counting()));
      assertThat(attemptsById).hasSize(16);
      assertThat(attemptsById.values().stream().filter(n -> n == 2)).hasSize(4);
      assertThat(accepted.stream().map(WebhookReceiver.Post::id).distinct()).hasSize(16);
      assertThat(rig.subscriptions().find(rig.tenantId(), rig.sub().id()).orElseThrow())
          .satisfies(s -> {
            assertThat(s.postsCount()).isEqualTo(20);
            assertThat(s.errorCount()).isEqualTo(4);
          });
    }
  }

  /**
   * An endpoint whose posts hang keeps its heads waiting on the node; another endpoint's new
   * delivery is still read (the query leaves out only the waiting endpoint) and posted at once,
   * and once the first endpoint answers, each of its events is posted exactly once.
   */
  @Test
  default void aBackloggedEndpointDoesNotHoldBackAnotherOne() throws Exception {
    try (WebhookReceiver slow = new WebhookReceiver(); WebhookReceiver fast = new WebhookReceiver()) {
      CountDownLatch release = new CountDownLatch(1);
      slow.answer(p -> {
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return 200;
      });
      Rig rig = rig(WebhookDeliveryContract.local(Duration.ofHours(24), Duration.ofSeconds(20)),
          slow.url());
      List<Conversation> six = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        six.add(conversation(rig.tenantId()));
        rig.changes(six.getLast(), 1);
      }
      WebhookDispatcher node = rig.node();
      List<CompletableFuture<Void>> started = new ArrayList<>(node.dispatch());
      assertThat(started).hasSize(rig.settings().concurrencyPerEndpoint()); // two wait here
      await().atMost(Duration.ofSeconds(10)).until(() -> slow.arrived() == started.size());

      WebhookSubscription other = new WebhookSubscription(rig.tenantId(), StorageRows.IDS.next(),
          WebhookFace.NATIVE, "", fast.url(), Set.of(), "", SubscriptionStatus.ACTIVE, null, null,
          0, 0, null, null, WebhookDeliveryContract.START, WebhookDeliveryContract.START);
      assertThat(rig.subscriptions().insert(other, WebhookSignature.newSecret())).isTrue();
      rig.changes(six.getFirst(), 1);
      rig.clock().advance(Duration.ofMillis(100));
      started.addAll(node.dispatch());
      await().atMost(Duration.ofSeconds(10)).until(() -> fast.accepted().size() == 1);
      assertThat(slow.arrived()).isEqualTo(rig.settings().concurrencyPerEndpoint());

      release.countDown();
      for (int i = 0; i < 20 && !rig.allSettled(); i++) {
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        started.clear();
        rig.clock().advance(Duration.ofMillis(100));
        started.addAll(node.dispatch());
      }
      assertThat(rig.outbox()).hasSize(7)
          .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED));
      assertThat(slow.posts()).extracting(WebhookReceiver.Post::id).hasSize(7).doesNotHaveDuplicates();
      CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      assertThat(node.busyEndpoints()).as("nothing kept for endpoints with nothing in flight").isZero();
      assertThat(rig.subscriptions().delete(rig.tenantId(), other.id())).isTrue();
    }
  }

  @Test
  default void aPostThatTimesOutIsRetriedUnderTheSameId() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      CountDownLatch release = new CountDownLatch(1);
      receiver.answer(p -> {
        if (p.number() == 1) {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return 504;
        }
        return 200;
      });
      Rig rig = rig(WebhookDeliveryContract.local(Duration.ofHours(24), Duration.ofMillis(300)),
          receiver.url());
      rig.changes(conversation(rig.tenantId()), 1);
      WebhookDispatcher node = rig.node();
      Rig.pass(node);
      release.countDown();
      WebhookDelivery waiting = rig.outbox().getFirst();
      assertThat(waiting.status()).isEqualTo(DeliveryStatus.QUEUED);
      assertThat(waiting.lastError()).isEqualTo("timed out");
      assertThat(waiting.nextAttemptAt()).isAfter(rig.clock().instant());

      Rig.pass(node);
      assertThat(rig.outbox().getFirst().status()).isEqualTo(DeliveryStatus.QUEUED);
      rig.clock().advance(rig.settings().maxBackoff());
      Rig.pass(node);
      assertThat(rig.outbox().getFirst().status()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(receiver.posts()).extracting(WebhookReceiver.Post::id)
          .containsExactly(waiting.id(), waiting.id());
    }
  }

  @Test
  default void anEndpointFailingPastTheHorizonIsSuspendedAndItsQueueFailed() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      receiver.answer(p -> 500);
      Rig rig = rig(WebhookDeliveryContract.local(Duration.ofHours(1), Duration.ofSeconds(5)),
          receiver.url());
      Conversation c = conversation(rig.tenantId());
      rig.changes(c, 3);
      WebhookDispatcher node = rig.node();
      for (int i = 0; i < 30 && !rig.allSettled(); i++) {
        Rig.pass(node);
        rig.clock().advance(Duration.ofMinutes(10));
      }

      var sub = rig.subscriptions().find(rig.tenantId(), rig.sub().id()).orElseThrow();
      assertThat(sub.status()).isEqualTo(SubscriptionStatus.SUSPENDED);
      assertThat(sub.lastError()).contains("suspended").contains("500");
      assertThat(rig.outbox()).hasSize(3)
          .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED));
      // Only the head of the conversation was ever posted: the others waited behind it.
      assertThat(receiver.posts()).extracting(p -> WebhookDeliveryContract.json(p)
          .get("changeSeq").asLong()).containsOnly(1L);
      // Within the horizon (1 h, backoff 1, 2, 4, 8, 10 … minutes) and not beyond.
      assertThat(receiver.posts().size()).isBetween(5, 9);

      rig.changes(c, 1);
      assertThat(rig.outbox()).hasSize(3);
    }
  }

  @Test
  default void postsToLoopbackAreRefusedUnlessAllowed() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      Rig rig = rig(WebhookSettings.defaults(), receiver.url());
      rig.changes(conversation(rig.tenantId()), 1);
      Rig.pass(rig.node());
      assertThat(receiver.posts()).isEmpty();
      WebhookDelivery refused = rig.outbox().getFirst();
      assertThat(refused.status()).isEqualTo(DeliveryStatus.QUEUED);
      assertThat(refused.lastStatusCode()).isNull();
      assertThat(refused.lastError()).contains("loopback");
      // Leave nothing queued for the other tests' dispatchers.
      assertThat(rig.subscriptions().delete(rig.tenantId(), rig.sub().id())).isTrue();
    }
  }

  @Test
  default void twoNodesPostEachEventOnce() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      Rig rig = rig(WebhookDeliveryContract.local(Duration.ofHours(24), Duration.ofSeconds(5)),
          receiver.url());
      for (int i = 0; i < 3; i++) {
        rig.changes(conversation(rig.tenantId()), 10);
      }
      WebhookDispatcher one = rig.node();
      WebhookDispatcher two = rig.node();
      CompletableFuture<Void> a = CompletableFuture.runAsync(() -> drain(rig, one));
      CompletableFuture<Void> b = CompletableFuture.runAsync(() -> drain(rig, two));
      CompletableFuture.allOf(a, b).get(60, TimeUnit.SECONDS);

      assertThat(rig.outbox()).hasSize(30)
          .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED))
          .allSatisfy(d -> assertThat(d.attempts()).isEqualTo(1));
      assertThat(receiver.posts()).hasSize(30);
      assertThat(receiver.posts().stream().map(WebhookReceiver.Post::id).distinct()).hasSize(30);
    }
  }

  private static void drain(Rig rig, WebhookDispatcher node) {
    for (int i = 0; i < 200 && !rig.allSettled(); i++) {
      Rig.pass(node);
    }
  }
}
