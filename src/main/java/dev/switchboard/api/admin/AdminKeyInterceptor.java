package dev.switchboard.api.admin;

import dev.switchboard.access.AdminKey;
import dev.switchboard.access.AuthFailure;
import dev.switchboard.access.AuthFailureLog;
import dev.switchboard.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/** Admits {@code /admin/**} requests that carry {@code Authorization: Bearer <admin key>}. */
public class AdminKeyInterceptor implements HandlerInterceptor {
  private static final String BEARER = "Bearer ";

  private final AdminKey adminKey;

  public AdminKeyInterceptor(AdminKey adminKey) {
    this.adminKey = adminKey;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw DomainException.unauthenticated("Admin key required");
    }
    if (!adminKey.matches(header.substring(BEARER.length()).trim())) {
      AuthFailureLog.failed(AuthFailure.BAD_ADMIN_KEY);
      throw DomainException.unauthenticated("Invalid admin key");
    }
    return true;
  }
}
