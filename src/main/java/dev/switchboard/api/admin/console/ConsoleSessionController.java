package dev.switchboard.api.admin.console;

import dev.switchboard.api.admin.AdminKeyInterceptor;
import dev.switchboard.operator.AuditLog;
import dev.switchboard.operator.OperatorSession;
import dev.switchboard.operator.OperatorSessions;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Timestamps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web console's sign-in: the admin key, sent once, is exchanged for an HttpOnly, SameSite
 * Strict session cookie and a CSRF token that the page keeps in memory and sends back on every
 * change (see {@link AdminKeyInterceptor}). The key never reaches browser storage.
 */
@RestController
@RequestMapping("/console/session")
@Tag(name = "Console", description = "Web console sign-in (cookie session with CSRF token)")
class ConsoleSessionController {
  private final OperatorSessions sessions;
  private final AuditLog audit;

  ConsoleSessionController(OperatorSessions sessions, AuditLog audit) {
    this.sessions = sessions;
    this.audit = audit;
  }

  record SignIn(@Schema(example = "sba_Qk3...the admin key") String key) {}

  record ConsoleSessionView(
      @Schema(example = "6741f0c2a1b2c3d4e5f60700") String sessionId,
      @Schema(example = "kq9Xn2...", description = "Send back as X-CSRF-Token on every change")
          String csrfToken,
      @Schema(example = "2026-11-21T18:30:00.000Z") String expiresAt) {
    static ConsoleSessionView of(OperatorSession s) {
      return new ConsoleSessionView(s.id(), s.csrfToken(), Timestamps.iso(s.expiresAt()));
    }
  }

  @PostMapping
  @Operation(summary = "Sign in with the admin key; sets the session cookie")
  ResponseEntity<ConsoleSessionView> signIn(@RequestBody SignIn body, HttpServletRequest request) {
    requireSameOrigin(request);
    OperatorSessions.SignedIn signedIn;
    try {
      signedIn = sessions.signIn(body.key(), request.getRemoteAddr());
    } catch (DomainException refused) {
      record(request, "anonymous", "console.sign-in", "refused: " + refused.getMessage());
      throw refused;
    }
    record(request, "console session " + signedIn.session().id(), "console.sign-in", "status=201");
    return ResponseEntity.status(HttpStatus.CREATED)
        .header(HttpHeaders.SET_COOKIE,
            cookie(signedIn.cookie(), OperatorSessions.LIFETIME, request).toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(ConsoleSessionView.of(signedIn.session()));
  }

  @GetMapping
  @Operation(summary = "The signed-in session and its CSRF token (after a page reload)")
  ResponseEntity<ConsoleSessionView> current(HttpServletRequest request) {
    OperatorSession session =
        sessions.find(AdminKeyInterceptor.cookie(request))
            .orElseThrow(() -> DomainException.unauthenticated("Not signed in"));
    return ResponseEntity.ok()
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(ConsoleSessionView.of(session));
  }

  @DeleteMapping
  @Operation(summary = "Sign out: ends the session and clears the cookie (needs X-CSRF-Token)")
  ResponseEntity<Void> signOut(HttpServletRequest request) {
    String cookie = AdminKeyInterceptor.cookie(request);
    OperatorSession session =
        sessions.find(cookie).orElseThrow(() -> DomainException.unauthenticated("Not signed in"));
    if (!OperatorSessions.csrfMatches(session, request.getHeader(AdminKeyInterceptor.CSRF_HEADER))) {
      throw DomainException.forbidden("Missing or wrong CSRF token");
    }
    sessions.signOut(cookie);
    record(request, "console session " + session.id(), "console.sign-out", "status=204");
    return ResponseEntity.noContent()
        .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, request).toString())
        .build();
  }

  /**
   * Another site's page may not sign a browser in (login CSRF): the browser's own Fetch
   * Metadata, or else the Origin header, must say the request comes from this site.
   */
  private static void requireSameOrigin(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw DomainException.forbidden("Sign-in is only accepted from the console itself");
    }
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    String host = request.getHeader(HttpHeaders.HOST);
    if (origin != null && host != null && !origin.replaceFirst("^https?://", "").equals(host)) {
      throw DomainException.forbidden("Sign-in is only accepted from the console itself");
    }
  }

  private static ResponseCookie cookie(String value, Duration maxAge, HttpServletRequest request) {
    return ResponseCookie.from(AdminKeyInterceptor.COOKIE, value)
        .httpOnly(true)
        .secure(request.isSecure())
        .sameSite("Strict")
        .path("/")
        .maxAge(maxAge)
        .build();
  }

  private void record(HttpServletRequest request, String actor, String action, String details) {
    audit.record(new AuditLog.Action(actor, action, null, null, null, details, request.getRemoteAddr()));
  }
}
