package dev.switchboard.api.web;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.RateLimitExceeded;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a failure straight to the servlet response in the envelope of the dialect that owns
 * the path: for filters and the container's error reporting, which run outside Spring MVC.
 */
@Component
public class ErrorResponses {
  private final DialectErrorRouter router;
  private final JsonMapper json;

  public ErrorResponses(DialectErrorRouter router, JsonMapper json) {
    this.router = router;
    this.json = json;
  }

  /** Renders the failure for the request's path, with {@code Retry-After} when it has one. */
  public ResponseEntity<Object> render(String path, DomainException error) {
    ResponseEntity<Object> rendered = router.forPath(path).render(error);
    if (error instanceof RateLimitExceeded limited) {
      HttpHeaders headers = new HttpHeaders();
      headers.putAll(rendered.getHeaders());
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
      return new ResponseEntity<>(rendered.getBody(), headers, rendered.getStatusCode());
    }
    return rendered;
  }

  /** Renders a protocol failure (405, 406, 415, 431 ...) for the request's path. */
  public ResponseEntity<Object> renderStatus(String path, HttpStatusCode status, String message) {
    return router.forPath(path).renderStatus(status, message);
  }

  public void write(HttpServletRequest request, HttpServletResponse response, DomainException error)
      throws IOException {
    write(render(request.getRequestURI(), error), response);
  }

  public void write(ResponseEntity<Object> entity, HttpServletResponse response) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(entity.getStatusCode().value());
    entity.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    byte[] body = json.writeValueAsBytes(entity.getBody());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }
}
