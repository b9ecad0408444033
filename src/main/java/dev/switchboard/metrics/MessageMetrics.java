package dev.switchboard.metrics;

import dev.switchboard.idempotency.IdempotentReplay;
import dev.switchboard.message.MessagePosted;
import dev.switchboard.shared.LogContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Messages written, by the dialect they came through and their kind
 * ({@code switchboard.messages{dialect, kind}}; {@code dialect} is {@code internal} for messages no
 * request made, such as inbound SMS over SMPP), counted once committed; and requests answered
 * again from their {@code Idempotency-Key} ({@code switchboard.idempotency.replays{operation,
 * outcome}}, outcome {@code result} or {@code refusal}).
 */
@Component
public class MessageMetrics {
  private final MeterRegistry registry;

  public MessageMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Runs after commit on the posting thread, so the request's logging context is still set. */
  @TransactionalEventListener
  void posted(MessagePosted event) {
    String dialect = MDC.get(LogContext.DIALECT);
    Counter.builder("switchboard.messages").description("Messages written, by dialect and kind")
        .tag("dialect", dialect == null ? "internal" : dialect)
        .tag("kind", event.message().type().name().toLowerCase(Locale.ROOT))
        .register(registry).increment();
  }

  @EventListener
  void replayed(IdempotentReplay event) {
    Counter.builder("switchboard.idempotency.replays")
        .description("Requests answered again from their Idempotency-Key")
        .tag("operation", event.operation())
        .tag("outcome", event.refusal() ? "refusal" : "result")
        .register(registry).increment();
  }
}
