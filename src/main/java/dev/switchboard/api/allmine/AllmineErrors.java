package dev.switchboard.api.allmine;

import dev.switchboard.api.web.DialectErrors;
import dev.switchboard.api.web.ErrorStatus;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.Term;
import dev.switchboard.shared.Vocabulary;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Allmine error envelopes: {@code errors[0]} is the documented text for the status; a more
 * specific explanation and one entry per offending field follow it.
 */
@Component
@Order(100)
class AllmineErrors implements DialectErrors {
  static final String VALIDATION_FAILED = "Validation failed";

  private final Clock clock;

  AllmineErrors(Clock clock) {
    this.clock = clock;
  }

  /** Allmine's names for the core's terms (seeds 000-002). */
  static final Vocabulary WORDS =
      Vocabulary.of(Map.of(
          Term.CONVERSATION, "chat",
          Term.CONVERSATION_ID, "chatId",
          Term.RECIPIENT_ID, "targetUserId",
          Term.TEXT, "content",
          Term.FILE, "file"));

  @Override
  public boolean owns(String path) {
    return path.startsWith("/api/v1/") || path.startsWith("/api/v2/");
  }

  @Override
  public ResponseEntity<Object> render(DomainException error) {
    int status = ErrorStatus.of(error.code()).value();
    List<String> errors = new ArrayList<>();
    String canonical = canonicalText(status);
    errors.add(canonical);
    String message = error.message(WORDS);
    if (error.code() != ErrorCode.INTERNAL && !canonical.equals(message)) {
      errors.add(message);
    }
    errors.addAll(error.details(WORDS));
    return respond(status, errors);
  }

  @Override
  public ResponseEntity<Object> renderStatus(HttpStatusCode status, String message) {
    return respond(status.value(), List.of(canonicalText(status.value()), message));
  }

  static String canonicalText(int status) {
    return switch (status) {
      case 400 -> VALIDATION_FAILED;
      case 401 -> "Authentication required";
      case 403 -> "Insufficient permissions";
      case 404 -> "Resource not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable";
      case 409 -> "Resource already exists or cannot be changed in its current state";
      case 410 -> "Resource no longer available";
      case 413 -> "Payload too large";
      case 415 -> "Unsupported media type";
      case 429 -> "Too many requests";
      case 503 -> "Service unavailable";
      default -> "Internal server error";
    };
  }

  private ResponseEntity<Object> respond(int status, List<String> errors) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (status == 401) {
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return new ResponseEntity<>(
        AllmineEnvelope.failure(status, errors, clock.instant()), headers, HttpStatusCode.valueOf(status));
  }
}
