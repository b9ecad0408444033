package dev.switchboard.realtime;

import dev.switchboard.feed.Change;
import dev.switchboard.feed.ChangeLog;
import dev.switchboard.realtime.bus.BusEvent;
import dev.switchboard.realtime.bus.BusListener;
import dev.switchboard.shared.DomainException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-sent streams of one conversation's changes for the operator's console: the same
 * change log the WebSocket serves, read from a position, then followed live: a face of this node
 * ({@link Faces}). A committed change, of this node or another, only says "there is more";
 * each stream then reads the log after the last change it sent, so it is gap-free and in order
 * whatever the bus does. Work runs on virtual threads, one drain at a time per stream, never on
 * the committing or the bus thread.
 */
@Component
public class OperatorChangeStreams implements BusListener, AutoCloseable {
  static final Duration TIMEOUT = Duration.ofMinutes(30);
  private static final int PAGE = 200;

  private final ChangeFeed feed;
  private final ChangeLog log;
  private final JsonMapper json;
  private final Map<String, Set<Stream>> byConversation = new ConcurrentHashMap<>();
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

  public OperatorChangeStreams(ChangeFeed feed, ChangeLog log, JsonMapper json, Faces faces) {
    this.feed = feed;
    this.log = log;
    this.json = json;
    faces.add(this);
  }

  /**
   * Opens a stream of the conversation's changes after {@code after} (null: from now on); the
   * caller checked that the conversation exists.
   */
  public SseEmitter open(String tenantId, String conversationId, Long after) {
    long from = after != null ? after : log.lastChangeSeq(tenantId, conversationId);
    Stream stream = new Stream(tenantId, conversationId, from, new SseEmitter(TIMEOUT.toMillis()));
    String key = key(tenantId, conversationId);
    byConversation.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(stream);
    Runnable remove =
        () -> byConversation.computeIfPresent(key, (k, set) -> {
          set.remove(stream);
          return set.isEmpty() ? null : set;
        });
    stream.emitter.onCompletion(remove);
    stream.emitter.onTimeout(remove);
    stream.emitter.onError(e -> remove.run());
    stream.wake();
    return stream.emitter;
  }

  /** Open streams on this node. */
  public int size() {
    return byConversation.values().stream().mapToInt(Set::size).sum();
  }

  @Override
  public void onEvent(BusEvent event) {
    if (event instanceof BusEvent.Changes changes) {
      changes.notices().forEach(n -> wake(n.tenantId(), n.conversationId()));
    }
  }

  private void wake(String tenantId, String conversationId) {
    Set<Stream> streams = byConversation.get(key(tenantId, conversationId));
    if (streams != null) {
      streams.forEach(Stream::wake);
    }
  }

  @Override
  public void onRecovered() {
    byConversation.values().forEach(set -> set.forEach(Stream::wake));
  }

  /** A comment line every 15 s keeps proxies from closing an idle stream. */
  @Scheduled(fixedDelayString = "PT15S")
  void keepAlive() {
    byConversation.values().forEach(set -> set.forEach(Stream::ping));
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  private static String key(String tenantId, String conversationId) {
    return tenantId + "\u0000" + conversationId;
  }

  private final class Stream {
    private final String tenantId;
    private final String conversationId;
    private final SseEmitter emitter;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile long sent;

    Stream(String tenantId, String conversationId, long after, SseEmitter emitter) {
      this.tenantId = tenantId;
      this.conversationId = conversationId;
      this.sent = after;
      this.emitter = emitter;
    }

    void wake() {
      again.set(true);
      if (draining.compareAndSet(false, true)) {
        workers.execute(this::drain);
      }
    }

    private void drain() {
      try {
        while (again.getAndSet(false)) {
          boolean more = true;
          while (more) {
            ChangeFeed.Page page = feed.read(tenantId, conversationId, sent, PAGE);
            for (Change change : page.changes()) {
              emitter.send(
                  SseEmitter.event()
                      .id(Long.toString(change.changeSeq()))
                      .name("change")
                      .data(json.writeValueAsString(ChangeView.frame(change))));
              sent = change.changeSeq();
            }
            more = page.hasMore();
          }
        }
      } catch (IOException | IllegalStateException gone) {
        emitter.completeWithError(gone);
      } catch (DomainException resync) {
        emitter.completeWithError(resync);
      } finally {
        draining.set(false);
        if (again.get() && draining.compareAndSet(false, true)) {
          workers.execute(this::drain);
        }
      }
    }

    void ping() {
      workers.execute(() -> {
        try {
          emitter.send(SseEmitter.event().comment("keep-alive"));
        } catch (IOException | IllegalStateException gone) {
          emitter.completeWithError(gone);
        }
      });
    }
  }
}
