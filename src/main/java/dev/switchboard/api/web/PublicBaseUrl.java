package dev.switchboard.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where clients reach the server: {@code switchboard.public-base-url} when set; otherwise the
 * scheme, host and port the current request came to. Behind a trusted proxy those are the ones
 * it forwarded ({@code X-Forwarded-Proto/-Host/-Port}, applied by the servlet container for
 * trusted addresses only); outside a request, {@code http://localhost:<port>}.
 */
public final class PublicBaseUrl implements Supplier<String> {
  private final Supplier<String> configured;
  private final Supplier<String> localPort;

  /** Both are looked up on each use: the port is only known once the server listens. */
  public PublicBaseUrl(Supplier<String> configured, Supplier<String> localPort) {
    this.configured = configured;
    this.localPort = localPort;
  }

  @Override
  public String get() {
    String base = configured.get();
    if (base != null && !base.isBlank()) {
      return base.strip();
    }
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
      HttpServletRequest request = current.getRequest();
      return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null)
          .build().toUriString();
    }
    return "http://localhost:" + localPort.get();
  }
}
