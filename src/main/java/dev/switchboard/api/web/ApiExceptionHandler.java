package dev.switchboard.api.web;

import dev.switchboard.file.UploadRefusal;
import dev.switchboard.file.UploadRefused;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.LogContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

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
  private final ApplicationEventPublisher events;

  public ApiExceptionHandler(
      DialectErrorRouter router, ErrorResponses responses, ApplicationEventPublisher events) {
    this.router = router;
    this.responses = responses;
    this.events = events;
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
  ResponseEntity<Object> any(Exception e, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    if (response.isCommitted()) {
      // The status and part of the body are out (a download failing midway): an error body
      // would be appended to them. Rethrown, the failure reaches the servlet container, which
      // closes the connection so the client sees a broken transfer, not a complete one.
      log.error("Failed after the response started on {} {} (request {}); closing the connection",
          request.getMethod(), request.getRequestURI(), MDC.get(LogContext.REQUEST_ID), e);
      throw e;
    }
    if (e instanceof MaxUploadSizeExceededException) {
      // The container refused the multipart body before the file module saw the file.
      events.publishEvent(new UploadRefused(UploadRefusal.TOO_LARGE));
    }
    DomainException domain = ExceptionTranslator.translate(e);
    if (domain == null) {
      log.error("Unhandled error on {} {} (request {})", request.getMethod(),
          request.getRequestURI(), MDC.get(LogContext.REQUEST_ID), e);
      domain = new DomainException(dev.switchboard.shared.ErrorCode.INTERNAL, "Internal error");
    }
    return responses.render(request.getRequestURI(), domain);
  }
}
