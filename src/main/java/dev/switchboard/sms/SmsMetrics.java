package dev.switchboard.sms;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The SMS module's meters (README, "Operations"): outbox attempts, failures by reason, settled
 * SMS by final status, receipts by result, refused sends by reason, and gauges of the outbox's
 * load and of each carrier connection. Counters count what this node did; gauges read state
 * shared by all nodes (the outbox) or this node's own (its connections). Gauges hold their
 * source strongly: Micrometer's default weak reference would let a lambda be collected, and the
 * gauge read NaN.
 */
public class SmsMetrics {
  private static final SmsStatus[] UNSETTLED = {
    SmsStatus.QUEUED, SmsStatus.SENDING, SmsStatus.SENT, SmsStatus.UNKNOWN
  };

  private final MeterRegistry registry;

  public SmsMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A worker claimed an SMS to submit it. */
  void attempt() {
    registry.counter("switchboard.sms.outbox.attempts").increment();
  }

  void failure(SmsFailureReason reason) {
    registry.counter("switchboard.sms.outbox.failures", "reason", reason.tag()).increment();
  }

  /** An SMS reached a final status (delivered, failed, unknown) on this node. */
  void settled(SmsStatus status) {
    registry.counter("switchboard.sms.outbox.settled", "status", status.dbValue()).increment();
  }

  void receipt(ReceiptResult result) {
    registry.counter("switchboard.sms.receipts", "result", tag(result)).increment();
  }

  void receiptsExpired(int count) {
    registry.counter("switchboard.sms.receipts", "result", "expired").increment(count);
  }

  /** A send refused by backpressure; {@code reason} is {@code depth} or {@code wait}. */
  void refused(String reason) {
    registry.counter("switchboard.sms.refused", "reason", reason).increment();
  }

  /** Gauges over the outbox's last load snapshot. */
  void outboxLoad(Supplier<OutboxLoad> load) {
    for (SmsStatus status : UNSETTLED) {
      Gauge.builder("switchboard.sms.outbox.depth", load, l -> l.get().depth(status))
          .tag("status", status.dbValue())
          .description("SMS in this unsettled status, all tenants")
          .strongReference(true)
          .register(registry);
    }
    TimeGauge.builder("switchboard.sms.outbox.oldest.due.wait", load, TimeUnit.MILLISECONDS,
            l -> l.get().oldestDueWait().toMillis())
        .description("How long the oldest due queued SMS has waited since it became due")
        .strongReference(true)
        .register(registry);
    Gauge.builder("switchboard.sms.receipts.unmatched", load, l -> l.get().unmatchedReceipts())
        .description("Delivery receipts kept until their SMS is recorded")
        .strongReference(true)
        .register(registry);
  }

  /** 1 while the connection can carry SMS, else 0. */
  public void connection(CarrierConnection connection, Supplier<CarrierConnection> current) {
    Gauge.builder("switchboard.sms.carrier.up", current, c -> c.get().up() ? 1 : 0)
        .tags("connection", connection.name(), "role", connection.role())
        .strongReference(true)
        .register(registry);
  }

  /** Submits in flight on an SMPP bind, and its window. */
  public <T> void window(String bind, T source, ToDoubleFunction<T> inUse, int size) {
    Gauge.builder("switchboard.sms.smpp.window.in.use", source, inUse)
        .tag("bind", bind)
        .strongReference(true)
        .register(registry);
    Gauge.builder("switchboard.sms.smpp.window.size", () -> size)
        .tag("bind", bind)
        .register(registry);
  }

  /** One submit_sm, from write to answer (or to giving up on one). */
  public void submit(String bind, String outcome, Duration took) {
    Timer.builder("switchboard.sms.smpp.submit")
        .tags("bind", bind, "outcome", outcome)
        .register(registry)
        .record(took);
  }

  private static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
