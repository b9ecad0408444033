package dev.switchboard.api.netsapiens;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates real responses against NetSapiens' own OpenAPI document
 * ({@code src/test/resources/specs/netsapiens-api-v2.json}, a verbatim copy of
 * {@code ../shared/reference/specs/netsapiens-api-v2.json}) with networknt's JSON Schema
 * validator (draft 2020-12, the dialect of OpenAPI 3.1).
 *
 * <p>Which schema: the operation's response for the status answered; a status the operation
 * does not document is checked against the document's envelopes ({@code SuccessResponse} for
 * 2xx, {@code ErrorResponse} otherwise). One correction of the document, recorded in
 * docs/netsapiens.md ("Validated against the document"): {@code Timestamp} is an enum whose one
 * value is the pattern text {@code YYYY-MM-DDTHH:MM:SS.ssZ}, which no time can equal; it is read
 * as a string, as every example of the document writes it.
 */
final class NsSpec {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNode SPEC = load();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
  /** {@code METHOD key status} of every response validated, for the coverage checks. */
  static final Set<String> VALIDATED = ConcurrentHashMap.newKeySet();

  private NsSpec() {}

  /**
   * Asserts the response's body is valid for {@code method} {@code key} (the document's path
   * key, with its {@code #n} variant suffix) at the status it has; returns the response.
   */
  static Response check(String method, String key, Response response) {
    int status = response.statusCode();
    List<Error> errors = errors(method, key, status, response.asString());
    assertThat(errors)
        .as("%s %s -> %d %s", method, key, status, response.asString())
        .isEmpty();
    VALIDATED.add(method.toUpperCase() + " " + key + " " + status);
    return response;
  }

  static List<Error> errors(String method, String key, int status, String body) {
    Schema schema = SCHEMAS.computeIfAbsent(method + " " + key + " " + status,
        k -> REGISTRY.getSchema(schemaFor(method, key, status).toString(), InputFormat.JSON));
    return schema.validate(body, InputFormat.JSON);
  }

  private static JsonNode schemaFor(String method, String key, int status) {
    JsonNode operation = SPEC.path("paths").path(key).path(method.toLowerCase());
    if (operation.isMissingNode()) {
      throw new IllegalArgumentException("the document has no operation " + method + " " + key);
    }
    JsonNode documented = operation.path("responses").path(String.valueOf(status))
        .path("content").path("application/json").path("schema");
    ObjectNode schema = documented.isObject() && !documented.isEmpty()
        ? ((ObjectNode) documented).deepCopy()
        : JSON.createObjectNode().put("$ref", "#/components/schemas/"
            + (status < 300 ? "SuccessResponse" : "ErrorResponse"));
    schema.set("components", SPEC.path("components"));
    return schema;
  }

  private static JsonNode load() {
    try (InputStream in = NsSpec.class.getResourceAsStream("/specs/netsapiens-api-v2.json")) {
      ObjectNode spec = (ObjectNode) JSON.readTree(in);
      ((ObjectNode) spec.path("components").path("schemas"))
          .set("Timestamp", JSON.createObjectNode().put("type", "string"));
      return spec;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
