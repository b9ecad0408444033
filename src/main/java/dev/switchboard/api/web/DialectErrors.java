package dev.switchboard.api.web;

import dev.switchboard.shared.DomainException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;

/**
 * How one dialect renders failures in its own envelope. Implementations are pure mappings; the
 * shared {@link ApiExceptionHandler} and {@link ApiErrorController} pick the dialect that owns
 * the request path, so framework failures (bad JSON, unknown route, wrong method, too large)
 * come out in the same envelope as domain errors.
 */
public interface DialectErrors {
  /** The dialect's name in metrics: the class name without "Errors", e.g. {@code amity}. */
  default String name() {
    return getClass().getSimpleName().replace("Errors", "").toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether requests to this path belong to the dialect. */
  boolean owns(String path);

  ResponseEntity<Object> render(DomainException error);

  /** Protocol failures without domain meaning: 405, 406, 415. */
  ResponseEntity<Object> renderStatus(HttpStatusCode status, String message);
}
