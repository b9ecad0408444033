package dev.switchboard.api.admin;

import dev.switchboard.access.AdminKey;
import dev.switchboard.access.AuthFailure;
import dev.switchboard.access.AuthFailureLog;
import dev.switchboard.operator.OperatorSession;
import dev.switchboard.operator.OperatorSessions;
import dev.switchboard.shared.DomainException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Admits {@code /admin/**} requests that carry {@code Authorization: Bearer <admin key>}, or the
 * web console's session cookie — with its CSRF token in {@value #CSRF_HEADER} on anything but a
 * read. Records who the caller is for the audit log ({@link #OPERATOR}).
 */
public class AdminKeyInterceptor implements HandlerInterceptor {
  /** The request attribute naming the operator: "admin key" or "console session <id>". */
  public static final String OPERATOR = "switchboard.operator";
  public static final String COOKIE = "sb_console";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String BEARER = "Bearer ";
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final AdminKey adminKey;
  private final OperatorSessions sessions;

  public AdminKeyInterceptor(AdminKey adminKey, OperatorSessions sessions) {
    this.adminKey = adminKey;
    this.sessions = sessions;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    check(request);
    return true;
  }

  /** Refuses (UNAUTHENTICATED) a request without the admin key or a console session. */
  public void check(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      Optional<OperatorSession> session = sessions.find(cookie(request));
      if (session.isPresent()) {
        if (!READS.contains(request.getMethod())
            && !OperatorSessions.csrfMatches(session.get(), request.getHeader(CSRF_HEADER))) {
          throw DomainException.forbidden("Missing or wrong CSRF token");
        }
        request.setAttribute(OPERATOR, "console session " + session.get().id());
        return;
      }
    }
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw DomainException.unauthenticated("Admin key required");
    }
    if (!adminKey.matches(header.substring(BEARER.length()).trim())) {
      AuthFailureLog.failed(AuthFailure.BAD_ADMIN_KEY);
      throw DomainException.unauthenticated("Invalid admin key");
    }
    request.setAttribute(OPERATOR, "admin key");
  }

  /** The console cookie's value, or null. */
  public static String cookie(HttpServletRequest request) {
    if (request.getCookies() == null) {
      return null;
    }
    for (Cookie cookie : request.getCookies()) {
      if (COOKIE.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }
}
