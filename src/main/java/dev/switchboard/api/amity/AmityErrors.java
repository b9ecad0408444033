package dev.switchboard.api.amity;

import dev.switchboard.api.web.DialectErrors;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.ErrorReason;
import dev.switchboard.shared.Term;
import dev.switchboard.shared.Vocabulary;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Amity error bodies, {@code {status:"error", code, message, data:{detail:[…]}}}, with Amity's
 * numeric codes (wire-notes §1.1). Placed ahead of Allmine, which owns the rest of {@code /api/v1/}
 * and {@code /api/v2/}: Amity keeps {@code /api/v1/markers} and {@code /api/v2/reactions|channel}.
 */
@Component
@Order(50)
public class AmityErrors implements DialectErrors {
  /** The numeric Amity code and HTTP status of a failure. */
  public record AmityCode(int status, int code, String message) {}

  /** The error body; {@code data.detail} lists each offending field or condition. */
  public record AmityErrorBody(String status, int code, String message, ErrorData data) {}

  public record ErrorData(List<String> detail) {}

  /** Amity's names for the core's terms (its chat API document). */
  static final Vocabulary WORDS =
      Vocabulary.of(Map.of(
          Term.CONVERSATION, "channel",
          Term.CONVERSATION_ID, "channelId",
          Term.RECIPIENT_ID, "userId",
          Term.TEXT, "data.text",
          Term.FILE, "fileId",
          Term.MENTIONS, "mentionees",
          Term.CLIENT_KEY, "messageId"));

  @Override
  public boolean owns(String path) {
    return path.startsWith("/api/v3/")
        || path.startsWith("/api/v4/")
        || path.startsWith("/api/v5/")
        || path.startsWith("/api/v1/markers")
        || path.startsWith("/api/v2/reactions")
        || path.startsWith("/api/v2/channel");
  }

  @Override
  public ResponseEntity<Object> render(DomainException error) {
    AmityCode code = code(error);
    String message =
        error.code() == ErrorCode.INTERNAL
                || error.code() == ErrorCode.INVALID_ARGUMENT
                || error.code() == ErrorCode.RATE_LIMITED
            ? code.message()
            : error.message(WORDS);
    return respond(code.status(), code.code(), message, error.details(WORDS));
  }

  @Override
  public ResponseEntity<Object> renderStatus(HttpStatusCode status, String message) {
    return respond(status.value(), 400000, message, List.of());
  }

  /** The Amity code for a failure: the reason decides among the 4003xx codes. */
  public static AmityCode code(DomainException error) {
    if (error.code() == ErrorCode.FORBIDDEN && error.reason().isPresent()) {
      return forbidden(error.reason().get());
    }
    return code(error.code());
  }

  static AmityCode code(ErrorCode code) {
    return switch (code) {
      case INVALID_ARGUMENT -> new AmityCode(400, 400000, "Bad Request.");
      case UNAUTHENTICATED -> new AmityCode(401, 400100, "Unauthorized");
      case FORBIDDEN, INSUFFICIENT_CREDITS -> new AmityCode(403, 400300, "Forbidden error.");
      case NOT_FOUND -> new AmityCode(404, 400400, "Resource Not Found.");
      // Amity's catalogue has one duplicate code, 400315 "Data already exists", paired with 403.
      case CONFLICT -> new AmityCode(403, 400315, "Data already exists");
      case RESYNC_REQUIRED -> new AmityCode(400, 400000, "Bad Request.");
      case RATE_LIMITED -> new AmityCode(429, 400311, "RateLimit Exceed.");
      case PAYLOAD_TOO_LARGE -> new AmityCode(413, 400000, "Payload too large.");
      case UNAVAILABLE -> new AmityCode(503, 500000, "Service unavailable.");
      case INTERNAL -> new AmityCode(500, 500000, "Unexpected error");
    };
  }

  static AmityCode forbidden(ErrorReason reason) {
    return switch (reason) {
      case NOT_MEMBER -> new AmityCode(403, 400301, "User is not a member of a channel");
      case USER_MUTED -> new AmityCode(403, 400302, "User is muted from the channel.");
      case CONVERSATION_MUTED -> new AmityCode(403, 400303, "Channel is muted.");
      case USER_BANNED -> new AmityCode(403, 400304, "User is banned from a channel / community.");
      // Not a channel refusal: raised with CONFLICT, never with FORBIDDEN.
      case REQUEST_IN_PROGRESS -> code(ErrorCode.CONFLICT);
    };
  }

  private static ResponseEntity<Object> respond(
      int status, int code, String message, List<String> details) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (status == 401) {
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    AmityErrorBody body = new AmityErrorBody("error", code, message, new ErrorData(details));
    return new ResponseEntity<>(body, headers, HttpStatusCode.valueOf(status));
  }
}
