package dev.switchboard.api.allmine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.web.ErrorStatus;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class AllmineErrorsTest {
  private final AllmineErrors errors = new AllmineErrors(java.time.Clock.systemUTC());

  @ParameterizedTest
  @CsvSource({
    "INVALID_ARGUMENT, 400, Validation failed",
    "UNAUTHENTICATED, 401, Authentication required",
    "FORBIDDEN, 403, Insufficient permissions",
    "NOT_FOUND, 404, Resource not found",
    "CONFLICT, 409, Resource already exists or cannot be changed in its current state",
    "INSUFFICIENT_CREDITS, 409, Resource already exists or cannot be changed in its current state",
    "RESYNC_REQUIRED, 410, Resource no longer available",
    "PAYLOAD_TOO_LARGE, 413, Payload too large",
    "RATE_LIMITED, 429, Too many requests",
    "UNAVAILABLE, 503, Service unavailable",
    "INTERNAL, 500, Internal server error"
  })
  void everyCodeHasTheDocumentedStatusAndText(ErrorCode code, int status, String text) {
    ResponseEntity<Object> response = errors.render(new DomainException(code, "detail"));
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    AllmineEnvelope<?> body = (AllmineEnvelope<?>) response.getBody();
    assertThat(body.isSuccess()).isFalse();
    assertThat(body.statusCode()).isEqualTo(status);
    assertThat(body.data()).isNull();
    assertThat(body.errors().getFirst()).isEqualTo(text);
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void theTableCoversEveryCode(ErrorCode code) {
    assertThat(ErrorStatus.of(code).value()).isBetween(400, 599);
  }

  @Test
  void validationDetailsFollowTheCanonicalText() {
    var body =
        (AllmineEnvelope<?>)
            errors
                .render(
                    new DomainException(
                        ErrorCode.INVALID_ARGUMENT,
                        "Validation failed",
                        List.of("content must not be blank", "type must not be blank")))
                .getBody();
    assertThat(body.errors())
        .containsExactly("Validation failed", "content must not be blank", "type must not be blank");
  }

  @Test
  void internalErrorsRevealNothing() {
    var body =
        (AllmineEnvelope<?>)
            errors.render(new DomainException(ErrorCode.INTERNAL, "NullPointerException at X")).getBody();
    assertThat(body.errors()).containsExactly("Internal server error");
  }

  @Test
  void ownsOnlyItsPrefixes() {
    assertThat(errors.owns("/api/v1/messages")).isTrue();
    assertThat(errors.owns("/api/v2/messages")).isTrue();
    assertThat(errors.owns("/admin/v1/domains")).isFalse();
    assertThat(errors.owns("/api/v3/messages")).isFalse();
    assertThat(errors.renderStatus(HttpStatus.METHOD_NOT_ALLOWED, "m").getStatusCode().value())
        .isEqualTo(405);
  }
}
