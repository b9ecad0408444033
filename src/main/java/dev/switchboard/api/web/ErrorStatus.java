package dev.switchboard.api.web;

import dev.switchboard.shared.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * The HTTP status of each core error code, the same in every dialect that answers with plain
 * HTTP statuses (native, Allmine, NetSapiens); each dialect still renders its own body. Amity
 * keeps its own table, which pairs statuses with Amity's numeric codes.
 */
public final class ErrorStatus {
  private ErrorStatus() {}

  public static HttpStatus of(ErrorCode code) {
    return switch (code) {
      case INVALID_ARGUMENT -> HttpStatus.BAD_REQUEST;
      case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT, INSUFFICIENT_CREDITS -> HttpStatus.CONFLICT;
      case RESYNC_REQUIRED -> HttpStatus.GONE;
      case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
      case PAYLOAD_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
      case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
  }
}
