package dev.switchboard.webhook;

import dev.switchboard.feed.Change;
import dev.switchboard.feed.ChangeLog;
import dev.switchboard.shared.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Posts due deliveries. A pass puts back deliveries whose node died mid-post (lease over), reads
 * due ones, and starts them on virtual threads while their endpoint has fewer than {@code
 * concurrencyPerEndpoint} posts in flight on this node; each post first claims its delivery — a
 * conditional update, so of several nodes exactly one posts each. A failed post is retried with
 * backoff and jitter until the retry horizon (counted from the change); then the delivery fails
 * and its subscription is suspended, failing what it still had queued.
 */
public class WebhookDispatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  /** How long a batch of due heads is worked from before the query runs again. */
  static final Duration READY_FOR = Duration.ofMillis(100);
  /** Heads held here at most, in batches: endpoints that are all slow cannot grow it further. */
  private static final int MAX_READY_BATCHES = 4;

  private final WebhookDeliveries deliveries;
  private final WebhookSubscriptions subscriptions;
  private final WebhookFormats formats;
  private final ChangeLog changeLog;
  private final WebhookPoster poster;
  private final WebhookSettings settings;
  private final RetrySchedule schedule;
  private final Ids ids;
  private final Clock clock;
  private final WebhookMetrics metrics;
  private final TransactionOperations tx;
  private volatile ExecutorService posts = Executors.newVirtualThreadPerTaskExecutor();
  /** Posts in flight on this node per subscription (ids are unique across domains). */
  private final ConcurrentHashMap<String, Integer> inFlight = new ConcurrentHashMap<>();
  /** Due heads read by the last query and not started yet, oldest first (guarded by this). */
  private final Deque<WebhookDelivery> ready = new ArrayDeque<>();
  private Instant readAt = Instant.MIN;

  public WebhookDispatcher(WebhookDeliveries deliveries, WebhookSubscriptions subscriptions,
      WebhookFormats formats, ChangeLog changeLog, WebhookPoster poster, WebhookSettings settings,
      RetrySchedule schedule, Ids ids, Clock clock, WebhookMetrics metrics,
      TransactionOperations tx) {
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.formats = formats;
    this.changeLog = changeLog;
    this.poster = poster;
    this.settings = settings;
    this.schedule = schedule;
    this.ids = ids;
    this.clock = clock;
    this.metrics = metrics;
    this.tx = tx;
  }

  /**
   * One pass; the returned futures end when the posts it started have been recorded. The due
   * heads are read once and then started as their endpoints free places, so a backlog costs one
   * full query per batch and not one per post. Every {@link #READY_FOR} the query runs again for
   * the other endpoints (new deliveries, retries that came due), leaving out the subscriptions
   * that still have heads waiting here: reading a large backlog again and again was what kept
   * PostgreSQL busy. A head read earlier stays safe to post: only its own settling makes the
   * next change of its conversation due, and the claim refuses it once another node took it.
   */
  public synchronized List<CompletableFuture<Void>> dispatch() {
    Instant now = clock.instant();
    if (ready.isEmpty() || !now.isBefore(readAt.plus(READY_FOR))) {
      deliveries.releaseExpired(now);
      Set<String> waiting = new HashSet<>();
      ready.forEach(d -> waiting.add(d.subscriptionId()));
      int room = Math.min(settings.batchSize(),
          MAX_READY_BATCHES * settings.batchSize() - ready.size());
      if (room > 0) {
        ready.addAll(deliveries.due(now, room, waiting));
      }
      readAt = now;
    }
    List<CompletableFuture<Void>> started = new ArrayList<>();
    for (Iterator<WebhookDelivery> it = ready.iterator(); it.hasNext(); ) {
      WebhookDelivery d = it.next();
      if (!takePlace(d.subscriptionId())) {
        continue; // stays ready until its endpoint has a free place
      }
      it.remove();
      // Claimed on the post's own thread: claims are round trips, and one thread making them
      // all held every endpoint to one claim at a time.
      started.add(CompletableFuture.runAsync(() -> claimAndDeliver(d), posts)
          .whenComplete((ok, e) -> {
            freePlace(d.subscriptionId());
            if (e != null) {
              log.error("Webhook delivery {} failed unexpectedly", d.id(), e);
            }
          }));
    }
    return started;
  }

  /** Endpoints with a post in flight on this node: none once every post has settled. */
  public int busyEndpoints() {
    return inFlight.size();
  }

  /** One more post in flight to the endpoint, unless it has as many as it may take. */
  private boolean takePlace(String subscriptionId) {
    boolean[] taken = {false};
    inFlight.compute(subscriptionId, (id, posts) -> {
      int now = posts == null ? 0 : posts;
      if (now >= settings.concurrencyPerEndpoint()) {
        return posts;
      }
      taken[0] = true;
      return now + 1;
    });
    return taken[0];
  }

  /** An endpoint with nothing in flight leaves the map: deleted subscriptions leave no trace. */
  private void freePlace(String subscriptionId) {
    inFlight.computeIfPresent(subscriptionId, (id, posts) -> posts <= 1 ? null : posts - 1);
  }

  private void claimAndDeliver(WebhookDelivery d) {
    String token = ids.next();
    Instant now = clock.instant();
    if (deliveries.claim(d.tenantId(), d.id(), token, now, now.plus(settings.lease()))) {
      deliver(d, token);
    }
  }

  private void deliver(WebhookDelivery d, String token) {
    Optional<WebhookEndpoint> found = subscriptions.endpoint(d.tenantId(), d.subscriptionId());
    if (found.isEmpty()) {
      return; // deleted meanwhile: its deliveries went with it
    }
    WebhookSubscription s = found.get().subscription();
    if (s.status() != SubscriptionStatus.ACTIVE) {
      giveUp(d, token, null, "subscription suspended", "suspended");
      return;
    }
    Optional<Change> change = changeLog.after(d.tenantId(), d.conversationId(), d.changeSeq() - 1, 1)
        .stream().filter(c -> c.changeSeq() == d.changeSeq()).findFirst();
    if (change.isEmpty()) {
      giveUp(d, token, null, "change no longer in the log (retention)", "gone");
      return;
    }
    PostOutcome outcome = post(d, found.get(), change.get());
    Instant now = clock.instant();
    if (outcome.delivered()) {
      metrics.attempt("delivered");
      if (settleAttempt(d, outcome, now,
          () -> deliveries.delivered(d.tenantId(), d.id(), token, outcome.statusCode(), now))) {
        metrics.delivered(Duration.between(d.createdAt(), now));
      }
      return;
    }
    metrics.attempt(outcome.statusCode() == null ? "refused" : "failed");
    Instant next = now.plus(schedule.delay(d.attempts() + 1));
    if (!next.isAfter(d.createdAt().plus(settings.horizon()))) {
      settleAttempt(d, outcome, now, () -> deliveries.retry(d.tenantId(), d.id(), token, next,
          outcome.statusCode(), outcome.error(), now));
      return;
    }
    if (settleAttempt(d, outcome, now, () -> deliveries.fail(d.tenantId(), d.id(), token,
        outcome.statusCode(), outcome.error(), now))) {
      metrics.failed("horizon", 1);
    }
    if (subscriptions.suspend(d.tenantId(), s.id(), "suspended: a delivery failed for "
        + settings.horizon() + " (" + outcome.error() + ")", now)) {
      metrics.suspended();
      int dropped = deliveries.failQueued(d.tenantId(), s.id(), "subscription suspended", now);
      metrics.failed("suspended", dropped);
      log.warn("Webhook subscription {} of tenant {} suspended after failing for {}", s.id(),
          d.tenantId(), settings.horizon());
    }
  }

  /**
   * Settles a posted attempt and counts it on its subscription in one transaction: one commit
   * (one WAL flush) instead of two, and the counts never disagree with the deliveries. The
   * subscription row is last because every post of the endpoint updates it: its lock is then
   * held only until the commit.
   */
  private boolean settleAttempt(WebhookDelivery d, PostOutcome outcome, Instant now,
      BooleanSupplier settle) {
    return Boolean.TRUE.equals(tx.execute(status -> {
      boolean settled = settle.getAsBoolean();
      subscriptions.recordAttempt(d.tenantId(), d.subscriptionId(), !outcome.delivered(),
          outcome.error(), now);
      return settled;
    }));
  }

  private PostOutcome post(WebhookDelivery d, WebhookEndpoint endpoint, Change change) {
    WebhookSubscription s = endpoint.subscription();
    String body;
    try {
      body = formats.of(s.face()).orElseThrow().body(d, change, s);
    } catch (RuntimeException e) {
      log.warn("Webhook body of delivery {} could not be rendered", d.id(), e);
      return PostOutcome.failed("body could not be rendered");
    }
    return poster.post(s.url(), d.id(), clock.instant().getEpochSecond(), body, endpoint.secret());
  }

  private void giveUp(WebhookDelivery d, String token, Integer code, String error, String reason) {
    if (deliveries.fail(d.tenantId(), d.id(), token, code, error, clock.instant())) {
      metrics.failed(reason, 1);
    }
  }

  /**
   * Ready to post again after {@link #close()}: a stopped application context may be started
   * again (Spring's test context cache pauses contexts it keeps, stopping their lifecycle beans).
   */
  public synchronized void open() {
    if (posts.isShutdown()) {
      posts = Executors.newVirtualThreadPerTaskExecutor();
    }
  }

  @Override
  public synchronized void close() {
    ExecutorService closing = posts;
    closing.shutdown();
    try {
      closing.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
