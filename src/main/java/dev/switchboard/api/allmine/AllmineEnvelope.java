package dev.switchboard.api.allmine;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.shared.Timestamps;
import java.time.Instant;
import java.util.List;

/** Allmine's {@code BaseResponseDto}: every response, success or failure, is wrapped in it. */
record AllmineEnvelope<T>(
    @JsonProperty("isSuccess") boolean isSuccess,
    int statusCode,
    T data,
    List<String> errors,
    String timestamp) {

  static <T> AllmineEnvelope<T> ok(int status, T data, Instant at) {
    return new AllmineEnvelope<>(true, status, data, List.of(), Timestamps.iso(at));
  }

  static AllmineEnvelope<Void> failure(int status, List<String> errors, Instant at) {
    return new AllmineEnvelope<>(false, status, null, errors, Timestamps.iso(at));
  }
}
