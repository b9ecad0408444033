package dev.switchboard.persistence;

import static dev.switchboard.persistence.StorageRows.IDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.ConversationKind;
import dev.switchboard.conversation.internal.JdbcConversations;
import dev.switchboard.feed.Change;
import dev.switchboard.feed.ChangeEvent;
import dev.switchboard.feed.internal.JdbcChangeLog;
import dev.switchboard.support.TestClock;
import dev.switchboard.support.WebhookReceiver;
import dev.switchboard.webhook.DeliveryStatus;
import dev.switchboard.webhook.RetrySchedule;
import dev.switchboard.webhook.SubscriptionStatus;
import dev.switchboard.webhook.WebhookDelivery;
import dev.switchboard.webhook.WebhookDispatcher;
import dev.switchboard.webhook.WebhookFace;
import dev.switchboard.webhook.WebhookFormat;
import dev.switchboard.webhook.WebhookFormats;
import dev.switchboard.webhook.WebhookMetrics;
import dev.switchboard.webhook.WebhookPoster;
import dev.switchboard.webhook.WebhookRecorder;
import dev.switchboard.webhook.WebhookSettings;
import dev.switchboard.webhook.WebhookSignature;
import dev.switchboard.webhook.WebhookSubscription;
import dev.switchboard.webhook.internal.JdbcWebhookDeliveries;
import dev.switchboard.webhook.internal.JdbcWebhookSubscriptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery mechanism end to end below HTTP faces: changes in the log, the recorder's
 * outbox rows, dispatchers posting to a real HTTP endpoint ({@link WebhookReceiver}) under a
 * clock the test moves. Its clock starts in 2100 so that no server running beside it in the same
 * JVM (whose pollers read real time) takes its deliveries. Implemented by {@code
 * WebhookDeliveryContractIT} tests on H2 and on PostgreSQL.
 */
interface WebhookDeliveryContract extends StorageContract {
  JsonMapper JSON = JsonMapper.builder().build();
  Instant START = Instant.parse("2100-01-01T00:00:00Z");

  /** The change as posted: its position and event, so tests see order and identity. */
  WebhookFormat RAW = new WebhookFormat() {
    @Override
    public WebhookFace face() {
      return WebhookFace.NATIVE;
    }

    @Override
    public Set<String> eventNames() {
      return Set.of("message.created");
    }

    @Override
    public Optional<String> eventFor(Change change, WebhookSubscription subscription) {
      return Optional.of(change.event());
    }

    @Override
    public String body(WebhookDelivery delivery, Change change, WebhookSubscription s) {
      return JSON.writeValueAsString(Map.of("id", delivery.id(), "conversationId",
          change.conversationId(), "changeSeq", change.changeSeq()));
    }
  };

  /** The test's world: one domain, a clock, a receiver's subscription and its secret. */
  record Rig(String tenantId, TestClock clock, WebhookSettings settings, WebhookSubscription sub,
      String secret, WebhookRecorder recorder, JdbcWebhookDeliveries deliveries,
      JdbcWebhookSubscriptions subscriptions, JdbcChangeLog log, JdbcClient jdbc,
      TransactionOperations tx) {

    WebhookDispatcher node() {
      return new WebhookDispatcher(deliveries, subscriptions, new WebhookFormats(List.of(RAW)),
          log, new WebhookPoster(settings), settings,
          new RetrySchedule(settings.initialBackoff(), settings.maxBackoff(), () -> 1.0),
          IDS, clock, new WebhookMetrics(new SimpleMeterRegistry()),
          tx);
    }

    /** Appends {@code count} changes to the conversation and records them as a commit would. */
    void changes(Conversation c, int count) {
      List<Change> made = new ArrayList<>();
      long from = log.lastChangeSeq(tenantId, c.id());
      for (long seq = from + 1; seq <= from + count; seq++) {
        made.add(log.append(tenantId, c.id(), seq,
            ChangeEvent.of("message.created", Map.of("n", seq)), clock.instant()));
      }
      recorder.recording(made);
    }

    List<WebhookDelivery> outbox() {
      return deliveries.recent(tenantId, sub.id(), 1000);
    }

    boolean allSettled() {
      return outbox().stream().allMatch(d -> d.status() == DeliveryStatus.DELIVERED
          || d.status() == DeliveryStatus.FAILED);
    }

    /** One pass of a node, waiting for the posts it started. */
    static void pass(WebhookDispatcher node) {
      CompletableFuture.allOf(node.dispatch().toArray(CompletableFuture[]::new)).join();
    }
  }

  default Rig rig(WebhookSettings settings, String url) {
    String t = rows().tenant("alice");
    TestClock clock = new TestClock(START);
    var subscriptions = new JdbcWebhookSubscriptions(jdbc());
    var deliveries = new JdbcWebhookDeliveries(template());
    String secret = WebhookSignature.newSecret();
    WebhookSubscription sub = new WebhookSubscription(t, IDS.next(), WebhookFace.NATIVE, "", url,
        Set.of(), "", SubscriptionStatus.ACTIVE, null, null, 0, 0, null, null, START, START);
    subscriptions.insert(sub, secret);
    var recorder = new WebhookRecorder(subscriptions, deliveries,
        new WebhookFormats(List.of(RAW)), new JdbcConversations(jdbc()), IDS, clock,
        new WebhookMetrics(new SimpleMeterRegistry()));
    return new Rig(t, clock, settings, sub, secret, recorder, deliveries, subscriptions,
        new JdbcChangeLog(jdbc(), JSON), jdbc(),
        new TransactionTemplate(new DataSourceTransactionManager(template().getDataSource())));
  }

  /** Loopback allowed (the receiver is local), batches large enough for a shared database. */
  static WebhookSettings local(Duration horizon, Duration requestTimeout) {
    WebhookSettings d = WebhookSettings.defaults();
    return new WebhookSettings(true, horizon, Duration.ofMinutes(1), Duration.ofMinutes(10),
        Duration.ofSeconds(2), requestTimeout, d.maxResponseBytes(), 4, d.pollInterval(),
        Duration.ofMinutes(2), 10_000, d.maxPerDomain(), d.keepSettled());
  }

  default Conversation conversation(String tenantId) {
    return rows().conversation(tenantId, ConversationKind.GROUP, "alice");
  }

  /** The receiver's recipe, written out as docs/webhooks.md gives it, not through our class. */
  static boolean verifies(String secret, WebhookReceiver.Post post) throws Exception {
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    String signed = post.id() + "." + post.timestamp() + "." + post.body();
    String expected = "v1," + Base64.getEncoder().encodeToString(
        mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    return List.of(post.signature().split(" ")).contains(expected);
  }

  static JsonNode json(WebhookReceiver.Post post) {
    return JSON.readTree(post.body());
  }
}
