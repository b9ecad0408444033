package dev.switchboard.api.amity.realtime;

import dev.switchboard.realtime.SerialMailbox;
import dev.switchboard.shared.Actor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * One MQTT client over one WebSocket. Packets are decoded and encoded by Netty's MQTT codec
 * (driven through an {@link EmbeddedChannel}: no sockets, no event loop of its own). Everything
 * that touches the connection — client bytes, deliveries — goes through a bounded mailbox drained
 * by one task at a time, so the codec and the session state need no locks and packets leave in
 * order. A full mailbox means the client cannot keep up: it is disconnected rather than allowed
 * to slow anyone else; with {@code clean=false} it resumes where it was on reconnect.
 */
final class AmityMqttConnection {
  private static final Logger log = LoggerFactory.getLogger(AmityMqttConnection.class);
  /** Client packets are small: CONNECT with a token, SUBSCRIBE with a few topics. */
  static final int MAX_PACKET_BYTES = 64 * 1024;

  private final WebSocketSession session;
  /**
   * Heap buffers without leak tracking: whatever a closed connection leaves in its codec is
   * garbage-collected, so no release has to race the drain task.
   */
  private static final UnpooledByteBufAllocator HEAP = new UnpooledByteBufAllocator(false, true);

  private final EmbeddedChannel codec;
  private final SerialMailbox mailbox;
  private final Executor executor;
  private final Consumer<String> onServerClose;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final Set<String> following = ConcurrentHashMap.newKeySet();
  private final long openedNanos = System.nanoTime();
  private volatile long lastPacketNanos = openedNanos;
  private volatile int keepAliveSeconds;
  private final Instant openedAt;
  private volatile Actor actor;
  private volatile AmityMqttSession state;
  private volatile AmityMqttTopics topics;

  /**
   * @param openedAt when the socket opened: the connection is sent every change logged since
   * @param onServerClose counts server-side disconnects by reason
   */
  AmityMqttConnection(WebSocketSession session, Instant openedAt, int queueSize, Executor executor,
      Consumer<String> onServerClose) {
    this.session = session;
    this.openedAt = openedAt;
    this.codec = new EmbeddedChannel();
    codec.config().setAllocator(HEAP);
    codec.pipeline().addLast(new MqttDecoder(MAX_PACKET_BYTES), MqttEncoder.INSTANCE);
    this.mailbox = new SerialMailbox(queueSize, executor, closing::get, e -> {
      log.warn("MQTT connection {} failed; closing it", id(), e);
      close(CloseStatus.SERVER_ERROR, "error");
    });
    this.executor = executor;
    this.onServerClose = onServerClose;
  }

  String id() {
    return session.getId();
  }

  Instant openedAt() {
    return openedAt;
  }

  Actor actor() {
    return actor;
  }

  AmityMqttTopics topics() {
    return topics;
  }

  AmityMqttSession state() {
    return state;
  }

  /** Set once, by the drain task, when CONNECT is accepted. */
  void accepted(Actor actor, AmityMqttTopics topics, AmityMqttSession state, int keepAliveSeconds) {
    this.state = state;
    this.topics = topics;
    this.keepAliveSeconds = keepAliveSeconds;
    this.actor = actor;
  }

  /** The conversations routed to this connection (its user's memberships); the router's. */
  Set<String> following() {
    return following;
  }

  void seen() {
    lastPacketNanos = System.nanoTime();
  }

  long openNanos(long nowNanos) {
    return nowNanos - openedNanos;
  }

  /** The socket is gone: whatever is still queued is dropped. */
  void closed() {
    closing.set(true);
    mailbox.clear();
  }

  /** MQTT 3.1.1 §3.1.2.10: no packet within one and a half keep-alive periods. */
  boolean silentTooLong(long nowNanos) {
    int keepAlive = keepAliveSeconds;
    return keepAlive > 0 && nowNanos - lastPacketNanos > keepAlive * 1_500_000_000L;
  }

  /** Decodes client bytes; only the drain task calls it. */
  List<MqttMessage> decode(byte[] bytes) {
    codec.writeInbound(Unpooled.wrappedBuffer(bytes));
    List<MqttMessage> packets = new ArrayList<>();
    MqttMessage packet;
    while ((packet = codec.readInbound()) != null) {
      packets.add(packet);
    }
    return packets;
  }

  /** Encodes and sends one packet; only the drain task calls it. */
  void send(MqttMessage packet) {
    codec.writeOutbound(packet);
    ByteBuf out;
    while ((out = codec.readOutbound()) != null) {
      byte[] bytes = new byte[out.readableBytes()];
      out.readBytes(bytes);
      out.release();
      try {
        session.sendMessage(new BinaryMessage(bytes));
      } catch (IOException | IllegalStateException e) {
        close(CloseStatus.SESSION_NOT_RELIABLE, "write_failed");
        return;
      }
    }
  }

  boolean isOpen() {
    return session.isOpen() && !closing.get();
  }

  /** Queues work for this connection; a full queue disconnects it as too slow. */
  void submit(Runnable task) {
    if (closing.get()) {
      return;
    }
    if (!mailbox.offer(task)) {
      log.info("MQTT connection {} fell behind; disconnecting it", id());
      close(CloseStatus.POLICY_VIOLATION, "too_slow");
    }
  }

  /**
   * Closes once ({@code reason} null: the protocol ended it normally). The close runs on its own
   * task: the drain task may be blocked writing to a client that stopped reading.
   */
  void close(CloseStatus status, String reason) {
    if (closing.compareAndSet(false, true)) {
      mailbox.clear();
      if (reason != null) {
        onServerClose.accept(reason);
      }
      executor.execute(
          () -> {
            try {
              session.close(status);
            } catch (IOException | IllegalStateException ignored) {
              // Already gone: nothing left to tell the client.
            }
          });
    }
  }

}
