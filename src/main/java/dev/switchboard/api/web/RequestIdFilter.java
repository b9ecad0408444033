package dev.switchboard.api.web;

import dev.switchboard.shared.LogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, echoed in {@code X-Request-Id} and attached with the client's
 * address to its log lines, so a 500 answered without internals can still be found in the log.
 * Once answered, the request is logged on {@code switchboard.requests}: client errors (4xx) at
 * DEBUG, everything else at TRACE, so an operator turns them on by level without a restart of
 * anything but the logging configuration.
 */
public class RequestIdFilter extends OncePerRequestFilter {
  public static final String HEADER = "X-Request-Id";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Logger requests = LoggerFactory.getLogger("switchboard.requests");

  private final DialectErrorRouter dialects;

  public RequestIdFilter(DialectErrorRouter dialects) {
    this.dialects = dialects;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String incoming = request.getHeader(HEADER);
    String id =
        incoming != null && SAFE.matcher(incoming).matches()
            ? incoming
            : randomId();
    response.setHeader(HEADER, id);
    MDC.put(LogContext.REQUEST_ID, id);
    // The peer, or the client a trusted proxy forwarded for (server.forward-headers-strategy).
    MDC.put(LogContext.CLIENT, request.getRemoteAddr());
    MDC.put(LogContext.DIALECT, dialects.forPath(request.getRequestURI()).name());
    long started = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      logAnswered(request, response.getStatus(), started);
      MDC.remove(LogContext.REQUEST_ID);
      MDC.remove(LogContext.CLIENT);
      MDC.remove(LogContext.DIALECT);
    }
  }

  private static void logAnswered(HttpServletRequest request, int status, long started) {
    boolean clientError = status >= 400 && status < 500;
    if (clientError ? !requests.isDebugEnabled() : !requests.isTraceEnabled()) {
      return;
    }
    String line = "{} {} -> {} ({} ms, client {})";
    Object[] args = {request.getMethod(), request.getRequestURI(), status,
        (System.nanoTime() - started) / 1_000_000, request.getRemoteAddr()};
    if (clientError) {
      requests.debug(line, args);
    } else {
      requests.trace(line, args);
    }
  }

  /**
   * A version-4-shaped UUID from a thread-local generator: request ids need to be unique, not
   * unguessable, and {@code UUID.randomUUID()} reads the shared SecureRandom on every request.
   */
  private static String randomId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
