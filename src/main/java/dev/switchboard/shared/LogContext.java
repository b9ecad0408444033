package dev.switchboard.shared;

/**
 * The keys every log line of a request carries in the logging context (SLF4J MDC): set by the
 * web layer when a request arrives, read by the log pattern, the JSON log format and the
 * authentication-failure log.
 */
public final class LogContext {
  /** The request id, also answered in {@code X-Request-Id}. */
  public static final String REQUEST_ID = "requestId";
  /** The client's address: the peer, or the client a trusted proxy forwarded for. */
  public static final String CLIENT = "client";

  private LogContext() {}
}
