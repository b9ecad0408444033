package dev.switchboard.realtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code switchboard.realtime.*}.
 *
 * @param retention how long change-log entries are kept; null keeps them forever
 * @param authTimeout how long a new WebSocket may take to authenticate
 * @param heartbeat how often the server pings each connection; two missed pongs close it
 * @param queueSize frames a connection may have waiting before it is closed as too slow
 * @param queueBytes bytes of frames a connection may have waiting before it is closed as too slow
 * @param sendTimeout how long one frame may take to be written to a client before the connection
 *     is closed as too slow (a client that stopped reading)
 * @param catchUpInterval while the bus is away, how often the change log is read for the other
 *     nodes' changes
 * @param catchUpOverlap how far before its previous read each catch-up read starts again: covers
 *     transactions still committing and clock differences between nodes
 * @param busRetryMax the longest wait between two attempts to reach Redis
 */
@ConfigurationProperties("switchboard.realtime")
public record RealtimeProperties(
    Duration retention,
    Duration authTimeout,
    Duration heartbeat,
    int queueSize,
    DataSize queueBytes,
    Duration sendTimeout,
    Duration catchUpInterval,
    Duration catchUpOverlap,
    Duration busRetryMax) {
  public RealtimeProperties {
    authTimeout = authTimeout == null ? Duration.ofSeconds(5) : authTimeout;
    heartbeat = heartbeat == null ? Duration.ofSeconds(25) : heartbeat;
    queueSize = queueSize <= 0 ? 1024 : queueSize;
    queueBytes = queueBytes == null ? DataSize.ofMegabytes(1) : queueBytes;
    sendTimeout = sendTimeout == null ? Duration.ofSeconds(5) : sendTimeout;
    catchUpInterval = catchUpInterval == null ? Duration.ofSeconds(1) : catchUpInterval;
    catchUpOverlap = catchUpOverlap == null ? Duration.ofSeconds(30) : catchUpOverlap;
    busRetryMax = busRetryMax == null ? Duration.ofSeconds(2) : busRetryMax;
  }
}
