package dev.switchboard.api.web;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders failures that never reached a controller (rejected by a filter or the servlet
 * container) in the envelope of the dialect that owns the original path.
 */
@RestController
public class ApiErrorController implements ErrorController {
  private final DialectErrorRouter router;
  private final ErrorResponses responses;

  public ApiErrorController(DialectErrorRouter router, ErrorResponses responses) {
    this.router = router;
    this.responses = responses;
  }

  @RequestMapping("/error")
  ResponseEntity<Object> error(HttpServletRequest request, HttpServletResponse response) {
    if (response.isCommitted()) {
      // A failure after the body started (a download breaking off): the container closes the
      // connection; an error body written now would read as the end of the file.
      return null;
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : 500;
    String path = uri == null ? "/" : uri.toString();
    // A filter's failure that carries a domain meaning (e.g. a form body refused while read).
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Exception failure) {
      DomainException domain = ExceptionTranslator.translate(failure);
      if (domain != null) {
        return responses.render(path, domain);
      }
    }
    DialectErrors dialect = router.forPath(path);
    return switch (status) {
      case 400 -> dialect.render(DomainException.invalid("request could not be parsed"));
      case 401 -> dialect.render(DomainException.unauthenticated("Authentication required"));
      case 403 -> dialect.render(DomainException.forbidden("Forbidden"));
      case 404 -> dialect.render(DomainException.notFound("route"));
      case 413 -> dialect.render(ExceptionTranslator.tooLarge());
      case 405, 406, 414, 415, 431 ->
          dialect.renderStatus(HttpStatus.valueOf(status), "Request rejected");
      default -> dialect.render(new DomainException(ErrorCode.INTERNAL, "Internal error"));
    };
  }
}
