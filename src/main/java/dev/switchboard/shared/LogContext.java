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
  /**
   * The dialect the request was made to ({@code allmine}, {@code amity}, {@code netsapiens},
   * {@code native}), as the rate-limit and message metrics tag it.
   */
  public static final String DIALECT = "dialect";

  private LogContext() {}
}
