package dev.switchboard.api.admin;

import dev.switchboard.api.web.ErrorResponses;
import dev.switchboard.shared.DomainException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read the operational endpoints: metrics ({@code /actuator/*} except health and info)
 * and the API documents ({@code /v3/api-docs}, the Swagger UI). Each is {@code public}, {@code
 * admin-key} (the admin key as a bearer token, which Prometheus can send) or {@code off} (404).
 * Health stays public for load balancers. The {@code prod} profile closes both.
 */
public class OperationsAccessFilter extends OncePerRequestFilter {
  /** Who may read one group of operational endpoints. */
  public enum Access {
    PUBLIC,
    ADMIN_KEY,
    OFF;

    public static Access parse(String text) {
      return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  private final Access metrics;
  private final Access apiDocs;
  private final AdminKeyInterceptor adminKey;
  private final ErrorResponses errors;

  public OperationsAccessFilter(
      Access metrics, Access apiDocs, AdminKeyInterceptor adminKey, ErrorResponses errors) {
    this.metrics = metrics;
    this.apiDocs = apiDocs;
    this.adminKey = adminKey;
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Access access = accessFor(request.getRequestURI());
    try {
      switch (access) {
        case OFF -> throw DomainException.notFound("route");
        case ADMIN_KEY -> adminKey.check(request);
        case PUBLIC -> {}
      }
    } catch (DomainException refused) {
      errors.write(request, response, refused);
      return;
    }
    chain.doFilter(request, response);
  }

  private Access accessFor(String path) {
    if (path.startsWith("/actuator/")) {
      return path.startsWith("/actuator/health") || path.equals("/actuator/info")
          ? Access.PUBLIC
          : metrics;
    }
    if (path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui")) {
      return apiDocs;
    }
    return Access.PUBLIC;
  }
}
