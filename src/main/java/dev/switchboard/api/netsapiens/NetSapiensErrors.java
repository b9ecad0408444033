package dev.switchboard.api.netsapiens;

import dev.switchboard.api.web.DialectErrors;
import dev.switchboard.api.web.ErrorStatus;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.Term;
import dev.switchboard.shared.Vocabulary;
import java.util.Map;
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

  /** NetSapiens' names for the core's terms (the ns-api v2 document). */
  static final Vocabulary WORDS =
      Vocabulary.of(Map.of(
          Term.CONVERSATION, "chat",
          Term.CONVERSATION_ID, "messagesession",
          Term.RECIPIENT_ID, "destination",
          Term.TEXT, "message",
          Term.FILE, "data",
          Term.SMS_NUMBER, "from-number"));

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
          case NOT_FOUND -> capitalized(error.message(WORDS));
          default ->
              error.details(WORDS).isEmpty()
                  ? error.message(WORDS)
                  : error.message(WORDS) + ": " + String.join("; ", error.details(WORDS));
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
