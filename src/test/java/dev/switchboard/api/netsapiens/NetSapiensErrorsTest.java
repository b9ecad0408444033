package dev.switchboard.api.netsapiens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class NetSapiensErrorsTest {
  private final NetSapiensErrors errors = new NetSapiensErrors();

  @ParameterizedTest
  @CsvSource({
    "INVALID_ARGUMENT, 400",
    "UNAUTHENTICATED, 401",
    "FORBIDDEN, 403",
    "NOT_FOUND, 404",
    "CONFLICT, 409",
    "INSUFFICIENT_CREDITS, 409",
    "RESYNC_REQUIRED, 410",
    "PAYLOAD_TOO_LARGE, 413",
    "RATE_LIMITED, 429",
    "UNAVAILABLE, 503",
    "INTERNAL, 500"
  })
  void everyCodeIsItsStatusInTheBodyAndOnTheResponse(ErrorCode code, int status) {
    ResponseEntity<Object> response = errors.render(new DomainException(code, "detail"));
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    var body = (NetSapiensErrors.ErrorResponse) response.getBody();
    assertThat(body.code()).isEqualTo(status);
    assertThat(body.message()).isNotBlank();
  }

  @Test
  void detailsAreSpelledOutButInternalsNeverAre() {
    var invalid = (NetSapiensErrors.ErrorResponse) errors.render(
        new DomainException(ErrorCode.INVALID_ARGUMENT, "Validation failed",
            List.of("limit must be between 1 and 1000"))).getBody();
    assertThat(invalid.message()).isEqualTo("Validation failed: limit must be between 1 and 1000");
    var internal = (NetSapiensErrors.ErrorResponse) errors.render(
        new DomainException(ErrorCode.INTERNAL, "NullPointerException at Foo.java:12")).getBody();
    assertThat(internal.message()).isEqualTo("Internal Server Error");
    assertThat(errors.render(DomainException.unauthenticated("x")).getHeaders()
        .getFirst("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void ownsOnlyItsPrefix() {
    assertThat(errors.owns("/ns-api/v2/tokens")).isTrue();
    assertThat(errors.owns("/api/v2/messages")).isFalse();
    assertThat(errors.renderStatus(HttpStatus.METHOD_NOT_ALLOWED, "no").getStatusCode().value())
        .isEqualTo(405);
  }
}
