package dev.switchboard.realtime;

import dev.switchboard.feed.Change;
import dev.switchboard.feed.ChangeLog;
import dev.switchboard.realtime.bus.RealtimeBus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the bus while it is away (ADR 0024): every {@code catch-up-interval} it reads
 * from the change log the newest change of each conversation changed since its previous read
 * (less {@code catch-up-overlap}) and the membership changes of that window, and hands them to
 * this node's {@link Faces} as if they had come over the bus. Each face already drops what it
 * has sent and reads any gap from the log, so a client sees every other node's change within
 * about one interval, exactly once, without waiting for Redis. While the bus is connected it
 * does nothing; a single node's in-process bus is always connected.
 */
@Component
public class BusOutageCatchUp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BusOutageCatchUp.class);

  private final ChangeLog changeLog;
  private final Faces faces;
  private final RealtimeBus bus;
  private final Clock clock;
  private final RealtimeProperties properties;
  private final JsonMapper json;
  private final Counter reads;
  private final Counter handedOver;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("realtime-catch-up").daemon().factory());
  /** The newest change sequence handed over per conversation during this outage. */
  private final Map<String, Long> handed = new HashMap<>();
  /** When the bus was last seen connected (or this node started). */
  private Instant connectedAt;
  /** When the previous read of this outage started; null while the bus is connected. */
  private Instant lastRead;

  public BusOutageCatchUp(
      ChangeLog changeLog,
      Faces faces,
      RealtimeBus bus,
      Clock clock,
      RealtimeProperties properties,
      JsonMapper json,
      MeterRegistry meters) {
    this.changeLog = changeLog;
    this.faces = faces;
    this.bus = bus;
    this.clock = clock;
    this.properties = properties;
    this.json = json;
    this.reads = meters.counter("switchboard.realtime.catchup.reads");
    this.handedOver = meters.counter("switchboard.realtime.catchup.changes");
    this.connectedAt = clock.instant();
    long every = properties.catchUpInterval().toMillis();
    timer.scheduleWithFixedDelay(this::safeTick, every, every, TimeUnit.MILLISECONDS);
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      // The database may be away too; the next tick tries again from the same position.
      log.debug("Change-log catch-up failed; retrying", e);
    }
  }

  /** One step: nothing while the bus is connected, else one read of the log. */
  void tick() {
    Instant now = clock.instant();
    if (bus.connected()) {
      connectedAt = now;
      lastRead = null;
      handed.clear();
      return;
    }
    Instant from = (lastRead == null ? connectedAt : lastRead).minus(properties.catchUpOverlap());
    List<Change> heads = changeLog.headsSince(from);
    lastRead = now;
    reads.increment();
    List<Change> fresh = new ArrayList<>();
    // Oldest first: the read gives a conversation's membership changes and its head in no
    // particular order, and a head handed before an older membership change dropped the latter
    // here and had connections see the newer change first.
    for (Change change : heads.stream().sorted(Comparator.comparingLong(Change::changeSeq)).toList()) {
      String key = change.tenantId() + "\u0000" + change.conversationId();
      Long before = handed.get(key);
      if (before == null || change.changeSeq() > before) {
        fresh.add(change);
        handed.put(key, change.changeSeq());
      }
    }
    if (!fresh.isEmpty()) {
      handedOver.increment(fresh.size());
      faces.onEvent(ChangeFanOut.changes(fresh, json));
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
