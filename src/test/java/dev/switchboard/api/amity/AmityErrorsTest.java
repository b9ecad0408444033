package dev.switchboard.api.amity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.amity.AmityErrors.AmityErrorBody;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.ErrorReason;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class AmityErrorsTest {
  private final AmityErrors errors = new AmityErrors();

  @ParameterizedTest
  @CsvSource({
    "INVALID_ARGUMENT, 400, 400000",
    "UNAUTHENTICATED, 401, 400100",
    "FORBIDDEN, 403, 400300",
    "INSUFFICIENT_CREDITS, 403, 400300",
    "NOT_FOUND, 404, 400400",
    "CONFLICT, 403, 400315",
    "RESYNC_REQUIRED, 400, 400000",
    "RATE_LIMITED, 429, 400311",
    "PAYLOAD_TOO_LARGE, 413, 400000",
    "UNAVAILABLE, 503, 500000",
    "INTERNAL, 500, 500000"
  })
  void everyCodeHasItsStatusAndAmityCode(ErrorCode code, int status, int amityCode) {
    ResponseEntity<Object> response =
        errors.render(new DomainException(code, "boom", List.of("field problem")));
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    AmityErrorBody body = (AmityErrorBody) response.getBody();
    assertThat(body.status()).isEqualTo("error");
    assertThat(body.code()).isEqualTo(amityCode);
    assertThat(body.data().detail()).containsExactly("field problem");
  }

  @ParameterizedTest
  @CsvSource({
    "NOT_MEMBER, 400301",
    "USER_MUTED, 400302",
    "CONVERSATION_MUTED, 400303",
    "USER_BANNED, 400304"
  })
  void refusalReasonsHaveTheirOwnCodes(ErrorReason reason, int amityCode) {
    ResponseEntity<Object> response = errors.render(DomainException.forbidden(reason, "no"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(((AmityErrorBody) response.getBody()).code()).isEqualTo(amityCode);
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void serverFaultsNeverLeakTheirMessage(ErrorCode code) {
    AmityErrorBody body = (AmityErrorBody) errors.render(new DomainException(code, "secret internals")).getBody();
    if (code == ErrorCode.INTERNAL) {
      assertThat(body.message()).doesNotContain("secret");
    }
    assertThat(body.code()).isPositive();
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v3/channels, true",
    "/api/v4/sessions, true",
    "/api/v2/reactions, true",
    "/api/v2/channel/abc/mute, true",
    "/api/v2/messages, false",
    "/api/v1/chats, false",
    "/api/v5/messages, true",
    "/api/v1/markers/sync, true",
    "/api/v1/messages/chat/x, false",
    "/admin/v1/domains, false"
  })
  void ownsItsPrefixes(String path, boolean owned) {
    assertThat(errors.owns(path)).isEqualTo(owned);
  }
}
