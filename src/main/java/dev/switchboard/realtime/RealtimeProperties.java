package dev.switchboard.realtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code switchboard.realtime.*}.
 *
 * @param retention how long change-log entries are kept; null keeps them forever
 * @param authTimeout how long a new WebSocket may take to authenticate
 * @param heartbeat how often the server pings each connection; two missed pongs close it
 * @param queueSize frames a connection may have waiting before it is closed as too slow
 */
@ConfigurationProperties("switchboard.realtime")
public record RealtimeProperties(
    Duration retention, Duration authTimeout, Duration heartbeat, int queueSize) {
  public RealtimeProperties {
    authTimeout = authTimeout == null ? Duration.ofSeconds(5) : authTimeout;
    heartbeat = heartbeat == null ? Duration.ofSeconds(25) : heartbeat;
    queueSize = queueSize <= 0 ? 1024 : queueSize;
  }
}
