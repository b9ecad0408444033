package dev.switchboard.api.web;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Turns framework exceptions about a request into the domain's vocabulary, so each dialect
 * renders them like any other validation, not-found or size error.
 */
final class ExceptionTranslator {
  private ExceptionTranslator() {}

  /** The domain meaning of a request failure, or null when it has none (a server fault). */
  static DomainException translate(Exception e) {
    return switch (e) {
      case DomainException domain -> domain;
      case HttpMessageNotReadableException unreadable -> unreadable(unreadable);
      case MethodArgumentTypeMismatchException mismatch ->
          DomainException.invalid(mismatch.getName() + " has an invalid value");
      // A multipart form field sent as a file part (with a filename) where text is expected.
      case MethodArgumentConversionNotSupportedException notText ->
          DomainException.invalid(notText.getName() + " must be a text field");
      case MissingServletRequestParameterException missing ->
          DomainException.invalid(missing.getParameterName() + " is required");
      case MissingRequestHeaderException missing ->
          DomainException.invalid(missing.getHeaderName() + " header is required");
      case NoResourceFoundException notFound -> DomainException.notFound("route");
      case NoHandlerFoundException notFound -> DomainException.notFound("route");
      case MaxUploadSizeExceededException tooLarge -> tooLarge();
      case MissingServletRequestPartException missing ->
          DomainException.invalid(missing.getRequestPartName() + " part is required");
      case MultipartException malformed ->
          DomainException.invalid("request body must be valid multipart/form-data");
      case PayloadTooLarge tooLarge -> tooLarge();
      default -> causeOf(e);
    };
  }

  /** A domain failure raised inside framework code (a parameter read, a body stream) and wrapped. */
  private static DomainException causeOf(Exception e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof DomainException domain) {
        return domain;
      }
      if (cause instanceof PayloadTooLarge) {
        return tooLarge();
      }
    }
    return null;
  }

  static DomainException tooLarge() {
    return new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, "Request body too large");
  }

  private static DomainException unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof PayloadTooLarge) {
        return tooLarge();
      }
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
        return DomainException.invalid(fieldPath(json) + " has an invalid value or type");
      }
    }
    return new DomainException(
        ErrorCode.INVALID_ARGUMENT,
        "Validation failed",
        List.of("request body must be valid JSON"));
  }

  private static String fieldPath(JacksonException json) {
    return json.getPath().stream()
        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
