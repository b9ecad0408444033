package dev.switchboard.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/**
 * The error envelope each dialect promises, recognised by path as the server routes it:
 * Allmine {@code {isSuccess:false, statusCode, data, errors[], timestamp}}, Amity {@code
 * {status:"error", code, message, data.detail[]}}, NetSapiens {@code {code, message}}, native
 * {@code {error, message}}.
 */
public enum DialectEnvelope {
  ALLMINE,
  AMITY,
  NETSAPIENS,
  NATIVE;

  public static DialectEnvelope of(String path) {
    if (path.startsWith("/api/v3/")
        || path.startsWith("/api/v4/")
        || path.startsWith("/api/v5/")
        || path.startsWith("/api/v1/markers")
        || path.startsWith("/api/v2/reactions")
        || path.startsWith("/api/v2/channel")) {
      return AMITY;
    }
    if (path.startsWith("/api/v1/") || path.startsWith("/api/v2/")) {
      return ALLMINE;
    }
    return path.startsWith("/ns-api/") ? NETSAPIENS : NATIVE;
  }

  /** Asserts an error answer: JSON, never HTML, in this dialect's envelope. */
  public void assertError(int status, String contentType, String body, String what) {
    assertThat(status).as(what + " status").isBetween(400, 499);
    assertThat(contentType).as(what + " content type").contains("json").doesNotContain("html");
    JsonNode json = Json.MAPPER.readTree(body);
    switch (this) {
      case ALLMINE -> {
        assertThat(json.path("isSuccess").asBoolean(true)).as(what + " isSuccess").isFalse();
        assertThat(json.path("statusCode").asInt()).as(what + " statusCode").isEqualTo(status);
        assertThat(json.path("errors").isArray()).as(what + " errors[]").isTrue();
      }
      case AMITY -> {
        assertThat(json.path("status").asString()).as(what + " status").isEqualTo("error");
        assertThat(json.path("code").isInt()).as(what + " code").isTrue();
        assertThat(json.path("message").isString()).as(what + " message").isTrue();
      }
      case NETSAPIENS -> {
        assertThat(json.path("code").asInt()).as(what + " code").isEqualTo(status);
        assertThat(json.path("message").isString()).as(what + " message").isTrue();
      }
      case NATIVE -> {
        assertThat(json.path("error").isString()).as(what + " error").isTrue();
        assertThat(json.path("message").isString()).as(what + " message").isTrue();
      }
    }
  }
}
