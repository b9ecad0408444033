package dev.switchboard.api.admin;

import dev.switchboard.access.TokenPair;
import dev.switchboard.access.TokenService;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Password login and refresh-token rotation; the access token works in every dialect. */
@RestController
@RequestMapping("/auth")
@Tag(name = "Auth", description = "Access and refresh tokens")
class AuthController {
  private final TokenService tokens;

  AuthController(TokenService tokens) {
    this.tokens = tokens;
  }

  record TokenRequest(String domain, String userId, String password) {}

  record RefreshRequest(String refreshToken) {}

  record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {
    static TokenResponse of(TokenPair pair) {
      return new TokenResponse(
          pair.accessToken(), "Bearer", pair.expiresInSeconds(), pair.refreshToken());
    }
  }

  @PostMapping("/token")
  TokenResponse token(@RequestBody TokenRequest body, HttpServletRequest request) {
    return TokenResponse.of(
        tokens.login(body.domain(), body.userId(), body.password(), request.getRemoteAddr()));
  }

  @PostMapping("/refresh")
  TokenResponse refresh(@RequestBody RefreshRequest body) {
    return TokenResponse.of(tokens.refresh(body.refreshToken()));
  }
}
