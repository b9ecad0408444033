package dev.switchboard.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NativeErrorsTest {
  private final NativeErrors errors = new NativeErrors();

  @ParameterizedTest
  @CsvSource({
    "INVALID_ARGUMENT, 400, invalid_argument",
    "UNAUTHENTICATED, 401, unauthenticated",
    "FORBIDDEN, 403, forbidden",
    "NOT_FOUND, 404, not_found",
    "CONFLICT, 409, conflict",
    "INSUFFICIENT_CREDITS, 409, insufficient_credits",
    "RESYNC_REQUIRED, 410, resync_required",
    "PAYLOAD_TOO_LARGE, 413, payload_too_large",
    "RATE_LIMITED, 429, rate_limited",
    "UNAVAILABLE, 503, unavailable",
    "INTERNAL, 500, internal"
  })
  void everyCodeHasAStatusAndASnakeCaseName(ErrorCode code, int status, String name) {
    var response = errors.render(new DomainException(code, "something"));
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(((NativeErrors.NativeErrorBody) response.getBody()).error()).isEqualTo(name);
  }

  @Test
  void detailsAreJoinedIntoTheMessageButInternalsAreNot() {
    var invalid =
        (NativeErrors.NativeErrorBody)
            errors
                .render(new DomainException(ErrorCode.INVALID_ARGUMENT, "Validation failed", List.of("a", "b")))
                .getBody();
    assertThat(invalid.message()).isEqualTo("Validation failed: a; b");
    var internal =
        (NativeErrors.NativeErrorBody) errors.render(new DomainException(ErrorCode.INTERNAL, "db password x")).getBody();
    assertThat(internal.message()).isEqualTo("Internal server error");
  }
}
