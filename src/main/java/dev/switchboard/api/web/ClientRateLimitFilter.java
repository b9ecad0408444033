package dev.switchboard.api.web;

import dev.switchboard.shared.RateLimitExceeded;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The per-client-address rate limit, first thing after the request id: a refused request costs
 * no token check, no body read and no database work. Answers 429 with {@code Retry-After} in the
 * dialect's envelope.
 */
public class ClientRateLimitFilter extends OncePerRequestFilter {
  private final RateLimiter limiter;
  private final ErrorResponses errors;

  public ClientRateLimitFilter(RateLimiter limiter, ErrorResponses errors) {
    this.limiter = limiter;
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      limiter.checkClient(request);
    } catch (RateLimitExceeded refused) {
      errors.write(request, response, refused);
      return;
    }
    chain.doFilter(request, response);
  }
}
