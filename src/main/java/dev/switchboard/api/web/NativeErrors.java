package dev.switchboard.api.web;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Switchboard's own envelope, {@code {"error": "<code>", "message": "..."}}, for the admin and
 * token APIs and any path no dialect claims.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class NativeErrors implements DialectErrors {
  /** The body of every native error. */
  public record NativeErrorBody(String error, String message) {}

  @Override
  public boolean owns(String path) {
    return true;
  }

  @Override
  public ResponseEntity<Object> render(DomainException error) {
    String message =
        error.details().isEmpty()
            ? error.getMessage()
            : error.getMessage() + ": " + String.join("; ", error.details());
    if (error.code() == ErrorCode.INTERNAL) {
      message = "Internal server error";
    }
    return body(ErrorStatus.of(error.code()), error.code().name().toLowerCase(Locale.ROOT), message);
  }

  @Override
  public ResponseEntity<Object> renderStatus(HttpStatusCode status, String message) {
    String code = HttpStatus.valueOf(status.value()).name().toLowerCase(Locale.ROOT);
    return body(status, code, message);
  }

  private static ResponseEntity<Object> body(HttpStatusCode status, String code, String message) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (status.value() == 401) {
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return new ResponseEntity<>(new NativeErrorBody(code, message), headers, status);
  }
}
