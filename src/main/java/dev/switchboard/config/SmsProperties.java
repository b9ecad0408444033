package dev.switchboard.config;

import dev.switchboard.sms.internal.SmppBindType;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything under {@code switchboard.sms.*}. Configure at most one carrier: SMPP (by
 * {@code smpp.host}) or HTTP (by {@code http.url}); with neither, SMS are refused. The
 * {@code toString} of each part hides passwords and keys.
 */
@ConfigurationProperties("switchboard.sms")
public record SmsProperties(Smpp smpp, Http http, Outbox outbox, Backpressure backpressure) {
  public SmsProperties {
    smpp = smpp == null
        ? new Smpp(null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null)
        : smpp;
    http = http == null ? new Http(null, null, null, null, null) : http;
    outbox = outbox == null ? new Outbox(null, null, null, null, null, null) : outbox;
    backpressure = backpressure == null ? new Backpressure(null, null) : backpressure;
    if (smpp.configured() && http.configured()) {
      throw new IllegalArgumentException(
          "Configure one SMS carrier: switchboard.sms.smpp.host or switchboard.sms.http.url");
    }
  }

  /**
   * SMPP 3.4; TON/NPI are SMPP codes (1/1: international, E.164). {@code binds} transmitting
   * sessions per node (transceivers, or transmitters plus {@code receiverBinds} receivers),
   * each with {@code window} submits awaiting their answer at once.
   */
  public record Smpp(
      String host,
      Integer port,
      String systemId,
      String password,
      String systemType,
      Integer sourceTon,
      Integer sourceNpi,
      Integer destTon,
      Integer destNpi,
      Duration enquireLinkInterval,
      Duration reconnectMaxDelay,
      SmppBindType bindType,
      Integer binds,
      Integer receiverBinds,
      Integer window,
      Duration responseTimeout) {
    public Smpp {
      port = port == null ? 2775 : port;
      systemType = systemType == null ? "" : systemType;
      sourceTon = sourceTon == null ? 1 : sourceTon;
      sourceNpi = sourceNpi == null ? 1 : sourceNpi;
      destTon = destTon == null ? 1 : destTon;
      destNpi = destNpi == null ? 1 : destNpi;
      enquireLinkInterval = enquireLinkInterval == null ? Duration.ofSeconds(30) : enquireLinkInterval;
      reconnectMaxDelay = reconnectMaxDelay == null ? Duration.ofMinutes(1) : reconnectMaxDelay;
      bindType = bindType == null ? SmppBindType.TRANSCEIVER : bindType;
      binds = binds == null ? 1 : binds;
      receiverBinds = receiverBinds == null ? 1 : receiverBinds;
      window = window == null ? 10 : window;
      responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
    }

    public boolean configured() {
      return host != null && !host.isBlank();
    }

    @Override
    public String toString() {
      return "Smpp[host=" + host + ", port=" + port + ", systemId=" + systemId + ", password=***]";
    }
  }

  /**
   * A JSON-over-HTTP carrier; {@code callbackSecret} authenticates its status callbacks;
   * {@code maxInFlight} requests may await its answer at once.
   */
  public record Http(
      URI url, String apiKey, String callbackSecret, Duration timeout, Integer maxInFlight) {
    public Http {
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
      maxInFlight = maxInFlight == null ? 4 : maxInFlight;
    }

    public boolean configured() {
      return url != null;
    }

    @Override
    public String toString() {
      return "Http[url=" + url + ", apiKey=***, callbackSecret=***, timeout=" + timeout + "]";
    }
  }

  /**
   * Outbox worker: poll interval, attempts before failing, first retry delay, claim lease; the
   * sweeper's interval and how long a receipt matching no SMS is kept.
   */
  public record Outbox(
      Duration pollInterval,
      Integer maxAttempts,
      Duration initialBackoff,
      Duration lease,
      Duration sweepInterval,
      Duration unmatchedReceiptTtl) {
    public Outbox {
      pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
      maxAttempts = maxAttempts == null ? 10 : maxAttempts;
      initialBackoff = initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff;
      lease = lease == null ? Duration.ofMinutes(10) : lease;
      sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
      unmatchedReceiptTtl = unmatchedReceiptTtl == null ? Duration.ofHours(1) : unmatchedReceiptTtl;
    }
  }

  /** New SMS are refused at {@code maxQueued} queued, or once the oldest due one waited {@code maxDueWait}. */
  public record Backpressure(Long maxQueued, Duration maxDueWait) {
    public Backpressure {
      maxQueued = maxQueued == null ? 10_000L : maxQueued;
      maxDueWait = maxDueWait == null ? Duration.ofMinutes(5) : maxDueWait;
    }
  }
}
