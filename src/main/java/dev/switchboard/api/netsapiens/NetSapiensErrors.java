package dev.switchboard.api.netsapiens;

import dev.switchboard.api.web.DialectErrors;
import dev.switchboard.api.web.ErrorStatus;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * NetSapiens errors: {@code {"code": <HTTP status>, "message": "..."}} (ErrorResponse of the
 * ns-api v2 spec) for every failure under /ns-api/, framework failures included.
 */
@Component
@Order(50)
class NetSapiensErrors implements DialectErrors {
  /** The body of every NetSapiens error and of the 202 answer to writes. */
  record ErrorResponse(int code, String message) {}

  @Override
  public boolean owns(String path) {
    return path.startsWith("/ns-api/");
  }

  @Override
  public ResponseEntity<Object> render(DomainException error) {
    int status = ErrorStatus.of(error.code()).value();
    String message =
        switch (error.code()) {
          case INTERNAL -> "Internal Server Error";
          case NOT_FOUND -> capitalized(error.getMessage());
          default ->
              error.details().isEmpty()
                  ? error.getMessage()
                  : error.getMessage() + ": " + String.join("; ", error.details());
        };
    return respond(status, message);
  }

  @Override
  public ResponseEntity<Object> renderStatus(HttpStatusCode status, String message) {
    return respond(status.value(), message);
  }

  private static String capitalized(String message) {
    return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }

  private static ResponseEntity<Object> respond(int status, String message) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (status == 401) {
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return new ResponseEntity<>(
        new ErrorResponse(status, message), headers, HttpStatusCode.valueOf(status));
  }
}
