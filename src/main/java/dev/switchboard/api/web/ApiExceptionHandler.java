package dev.switchboard.api.web;

import dev.switchboard.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * The one place request failures are rendered: whatever was thrown, the dialect that owns the
 * path renders it in its envelope. Server faults are logged with the request id and answered
 * without internals.
 */
@RestControllerAdvice
public class ApiExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final DialectErrorRouter router;
  private final ErrorResponses responses;

  public ApiExceptionHandler(DialectErrorRouter router, ErrorResponses responses) {
    this.router = router;
    this.responses = responses;
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Object> methodNotAllowed(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    ResponseEntity<Object> rendered =
        router
            .forPath(request.getRequestURI())
            .renderStatus(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " not allowed");
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(rendered.getHeaders());
    if (e.getSupportedHttpMethods() != null) {
      headers.setAllow(e.getSupportedHttpMethods());
    }
    return new ResponseEntity<>(rendered.getBody(), headers, rendered.getStatusCode());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Object> unsupportedMediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return router
        .forPath(request.getRequestURI())
        .renderStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Object> notAcceptable(
      HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return router
        .forPath(request.getRequestURI())
        .renderStatus(HttpStatus.NOT_ACCEPTABLE, "Only application/json responses are available");
  }

  /** The client of a stream went away: there is no one left to answer. */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientGone(AsyncRequestNotUsableException e) {
    log.debug("Client disconnected from a stream: {}", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> any(Exception e, HttpServletRequest request) {
    DomainException domain = ExceptionTranslator.translate(e);
    if (domain == null) {
      log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
      domain = new DomainException(dev.switchboard.shared.ErrorCode.INTERNAL, "Internal error");
    }
    return responses.render(request.getRequestURI(), domain);
  }
}
