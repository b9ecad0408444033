package dev.switchboard.api.amity.session;

import dev.switchboard.access.ApiKey;
import dev.switchboard.access.ApiKeyService;
import dev.switchboard.access.DeviceSession.DeviceInfo;
import dev.switchboard.access.OpenDeviceSession;
import dev.switchboard.access.OpenedDeviceSession;
import dev.switchboard.access.DeviceSessionService;
import dev.switchboard.api.amity.AmityUserView;
import dev.switchboard.api.amity.session.AmitySessionDtos.AuthTokenRequest;
import dev.switchboard.api.amity.session.AmitySessionDtos.SessionCheck;
import dev.switchboard.api.amity.session.AmitySessionDtos.SessionRequest;
import dev.switchboard.api.amity.session.AmitySessionDtos.SessionResponse;
import dev.switchboard.api.amity.AmitySuccess;
import dev.switchboard.api.web.BearerActorResolver;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.shared.Violations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Amity sessions: API-key login per device, verification, revocation, secure-mode tokens. */
@RestController
@Tag(name = "Amity sessions", description = "Amity-compatible sessions and auth tokens")
class AmitySessionController {
  private final DeviceSessionService sessions;
  private final ApiKeyService apiKeys;

  AmitySessionController(DeviceSessionService sessions, ApiKeyService apiKeys) {
    this.sessions = sessions;
    this.apiKeys = apiKeys;
  }

  /**
   * v5 (what SDK 6.x sends), v4 and the deprecated v3 are the same call. {@code
   * set-access-token-cookie} is accepted but sets no cookie: Switchboard reads tokens from the
   * Authorization header only, and the SDK sends no cookies ({@code withCredentials: false}).
   */
  @PostMapping({"/api/v5/sessions", "/api/v4/sessions", "/api/v3/sessions"})
  @Operation(summary = "Register a session (x-api-key); v5 and the deprecated v3 are its twins")
  SessionResponse open(
      @RequestHeader(name = "x-api-key", required = false) String apiKey,
      @RequestHeader(name = "set-access-token-cookie", required = false) String setCookie,
      @RequestBody SessionRequest body) {
    new Violations()
        .check(setCookie == null || setCookie.equals("true") || setCookie.equals("false"),
            "set-access-token-cookie must be true or false")
        .throwIfAny();
    ApiKey key =
        apiKeys
            .authenticate(apiKey)
            .orElseThrow(() -> DomainException.unauthenticated("Invalid API key"));
    DeviceInfo device =
        body.deviceInfo() == null
            ? DeviceInfo.NONE
            : new DeviceInfo(
                body.deviceInfo().kind(), body.deviceInfo().model(), body.deviceInfo().sdkVersion());
    OpenedDeviceSession opened =
        sessions.open(
            key,
            new OpenDeviceSession(
                body.userId(), body.deviceId(), device, body.displayName(), body.authToken()));
    return new SessionResponse(
        opened.accessToken(),
        opened.refreshToken(),
        Timestamps.iso(opened.issuedAt()),
        Timestamps.iso(opened.expiresAt()),
        List.of(AmityUserView.of(opened.user())),
        List.of());
  }

  @GetMapping("/api/v3/sessions")
  @Operation(summary = "Verify the access token")
  SessionCheck check(@Parameter(hidden = true) Actor actor) {
    return new SessionCheck(null);
  }

  /** Revokes the caller's session, or (administrators, with userId) all of a user's sessions. */
  @DeleteMapping("/api/v4/sessions")
  @Operation(summary = "Revoke the access token (or all of a user's with userId, admins only)")
  AmitySuccess revoke(
      @Parameter(hidden = true) Actor actor,
      @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
      @RequestParam(name = "userId", required = false) String userId) {
    if (userId != null) {
      sessions.revokeUser(actor, userId);
    } else {
      sessions.revoke(BearerActorResolver.tokenOf(authorization));
    }
    return new AmitySuccess(true);
  }

  /** Answers the token as text/plain, and a bad server key as text/plain 401, as Amity does. */
  @PostMapping("/api/v4/authentication/token")
  @Operation(summary = "Mint a short-lived auth token for secure mode (x-server-key)")
  @ApiResponse(responseCode = "200", description = "The auth token", content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "401", description = "Wrong or missing x-server-key", content = @Content(mediaType = "text/plain", schema = @Schema(type = "string", example = "Unauthorized")))
  ResponseEntity<String> authToken(
      @RequestHeader(name = "x-server-key", required = false) String serverKey,
      @RequestBody AuthTokenRequest body) {
    Optional<String> token = sessions.mintAuthToken(serverKey, body.userId());
    return token
        .map(t -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(t))
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("Unauthorized"));
  }
}
