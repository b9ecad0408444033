package dev.switchboard.webhook;

import dev.switchboard.feed.Change;
import dev.switchboard.feed.ChangeLog;
import dev.switchboard.shared.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts due deliveries. Each pass puts back deliveries whose node died mid-post (lease over),
 * then claims due ones — a conditional update, so of several nodes exactly one posts each —
 * while their endpoint has fewer than {@code concurrencyPerEndpoint} posts in flight on this
 * node, and posts them on virtual threads. A failed post is retried with backoff and jitter until
 * the retry horizon (counted from the change); then the delivery fails and its subscription is
 * suspended, failing what it still had queued.
 */
public class WebhookDispatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

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
  private volatile ExecutorService posts = Executors.newVirtualThreadPerTaskExecutor();
  private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

  public WebhookDispatcher(WebhookDeliveries deliveries, WebhookSubscriptions subscriptions,
      WebhookFormats formats, ChangeLog changeLog, WebhookPoster poster, WebhookSettings settings,
      RetrySchedule schedule, Ids ids, Clock clock, WebhookMetrics metrics) {
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
  }

  /** One pass; the returned futures end when the posts it started have been recorded. */
  public List<CompletableFuture<Void>> dispatch() {
    Instant now = clock.instant();
    deliveries.releaseExpired(now);
    List<CompletableFuture<Void>> started = new ArrayList<>();
    for (WebhookDelivery d : deliveries.due(now, settings.batchSize())) {
      String endpoint = d.tenantId() + "/" + d.subscriptionId();
      AtomicInteger busy = inFlight.computeIfAbsent(endpoint, k -> new AtomicInteger());
      if (busy.incrementAndGet() > settings.concurrencyPerEndpoint()) {
        busy.decrementAndGet();
        continue;
      }
      String token = ids.next();
      if (!deliveries.claim(d.tenantId(), d.id(), token, now, now.plus(settings.lease()))) {
        busy.decrementAndGet();
        continue;
      }
      started.add(CompletableFuture.runAsync(() -> deliver(d, token), posts)
          .whenComplete((ok, e) -> {
            busy.decrementAndGet();
            if (e != null) {
              log.error("Webhook delivery {} failed unexpectedly", d.id(), e);
            }
          }));
    }
    return started;
  }

  private void deliver(WebhookDelivery d, String token) {
    Optional<WebhookSubscription> found = subscriptions.find(d.tenantId(), d.subscriptionId());
    if (found.isEmpty()) {
      return; // deleted meanwhile: its deliveries went with it
    }
    WebhookSubscription s = found.get();
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
    PostOutcome outcome = post(d, s, change.get());
    Instant now = clock.instant();
    subscriptions.recordAttempt(d.tenantId(), s.id(), !outcome.delivered(), outcome.error(), now);
    if (outcome.delivered()) {
      metrics.attempt("delivered");
      if (deliveries.delivered(d.tenantId(), d.id(), token, outcome.statusCode(), now)) {
        metrics.delivered(Duration.between(d.createdAt(), now));
      }
      return;
    }
    metrics.attempt(outcome.statusCode() == null ? "refused" : "failed");
    Instant next = now.plus(schedule.delay(d.attempts() + 1));
    if (next.isAfter(d.createdAt().plus(settings.horizon()))) {
      giveUp(d, token, outcome.statusCode(), outcome.error(), "horizon");
      if (subscriptions.suspend(d.tenantId(), s.id(), "suspended: a delivery failed for "
          + settings.horizon() + " (" + outcome.error() + ")", now)) {
        metrics.suspended();
        int dropped = deliveries.failQueued(d.tenantId(), s.id(), "subscription suspended", now);
        metrics.failed("suspended", dropped);
        log.warn("Webhook subscription {} of tenant {} suspended after failing for {}", s.id(),
            d.tenantId(), settings.horizon());
      }
      return;
    }
    deliveries.retry(d.tenantId(), d.id(), token, next, outcome.statusCode(), outcome.error(), now);
  }

  private PostOutcome post(WebhookDelivery d, WebhookSubscription s, Change change) {
    String body;
    try {
      body = formats.of(s.face()).orElseThrow().body(d, change, s);
    } catch (RuntimeException e) {
      log.warn("Webhook body of delivery {} could not be rendered", d.id(), e);
      return PostOutcome.failed("body could not be rendered");
    }
    String secret = subscriptions.secret(d.tenantId(), s.id()).orElseThrow();
    return poster.post(s.url(), d.id(), clock.instant().getEpochSecond(), body, secret);
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
