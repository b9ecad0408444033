package dev.switchboard.api.web;

import dev.switchboard.shared.DomainException;
import java.io.IOException;
import java.io.Writer;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error reporting, for what it refuses before any application code runs (a path it
 * cannot decode, an encoded {@code /} or {@code %00}, headers over the limit, a 70 KB URL): the
 * dialect that owns the path renders the answer in its envelope instead of Tomcat's HTML page.
 * When even the path is unknown, the native envelope answers.
 */
public class DialectErrorReportValve extends ErrorReportValve {
  private final Supplier<ErrorResponses> errors;
  private final Supplier<JsonMapper> json;

  public DialectErrorReportValve(Supplier<ErrorResponses> errors, Supplier<JsonMapper> json) {
    this.errors = errors;
    this.json = json;
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0) {
      return;
    }
    ResponseEntity<Object> entity = render(status, pathOf(request));
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      entity.getHeaders().forEach((name, values) -> {
        if (!name.equalsIgnoreCase("Content-Type")) {
          values.forEach(value -> response.setHeader(name, value));
        }
      });
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(json.get().writeValueAsString(entity.getBody()));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The connection is gone or the response is already committed: nothing more to say.
    }
  }

  private ResponseEntity<Object> render(int status, String path) {
    ErrorResponses responses = errors.get();
    return switch (status) {
      case 400 -> responses.render(path, DomainException.invalid("request could not be parsed"));
      case 404 -> responses.render(path, DomainException.notFound("route"));
      default -> {
        HttpStatus known = HttpStatus.resolve(status);
        yield responses.renderStatus(
            path,
            known == null ? HttpStatus.BAD_REQUEST : known,
            known == null ? "Request rejected" : known.getReasonPhrase());
      }
    };
  }

  private static String pathOf(Request request) {
    try {
      String uri = request.getRequestURI();
      return uri == null || uri.isEmpty() ? "/" : uri;
    } catch (RuntimeException unparsed) {
      return "/";
    }
  }
}
