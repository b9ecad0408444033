package dev.switchboard.support.openapi;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's own {@code /v3/api-docs}, able to say whether an exchange is documented: its path
 * matches a path template, the method an operation, the status a response, and the JSON body
 * that response's schema (validated with the OpenAPI dialect of networknt's JSON Schema
 * validator, references resolved inside the same document).
 */
public final class OpenApiDocument {
  private static final String BASE = "https://switchboard.test/v3/api-docs";

  private final JsonNode doc;
  private final List<PathTemplate> templates = new ArrayList<>();
  private final SchemaRegistry registry;

  private record PathTemplate(String template, Pattern pattern, int literalLength) {}

  public OpenApiDocument(String json) {
    this.doc = JsonMapper.builder().build().readTree(json);
    for (Iterator<String> it = doc.get("paths").propertyNames().iterator(); it.hasNext(); ) {
      String template = it.next();
      String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
      templates.add(new PathTemplate(template, Pattern.compile(regex),
          template.replaceAll("\\{[^}/]+}", "").length()));
    }
    // The most literal template wins, as in Spring's own matching (/users/me before /users/{id}).
    templates.sort((a, b) -> Integer.compare(b.literalLength, a.literalLength));
    boolean v31 = doc.path("openapi").asString().startsWith("3.1");
    this.registry = SchemaRegistry.withDefaultDialect(
        v31 ? Dialects.getOpenApi31() : Dialects.getOpenApi30(),
        builder -> builder.schemas(Map.of(BASE, json)));
  }

  public JsonNode json() {
    return doc;
  }

  /** The path template that documents this concrete path, if any. */
  public Optional<String> template(String path) {
    return templates.stream().filter(t -> t.pattern.matcher(path).matches())
        .map(PathTemplate::template).findFirst();
  }

  /** What is wrong with this exchange, or empty when the document describes it. */
  public Optional<String> problem(RecordedExchange exchange) {
    Optional<String> template = template(exchange.path());
    if (template.isEmpty()) {
      return Optional.of("path not documented");
    }
    String method = exchange.method().toLowerCase(Locale.ROOT);
    JsonNode operation = doc.get("paths").get(template.get()).get(method);
    if (operation == null) {
      return Optional.of("operation " + exchange.method() + " " + template.get() + " not documented");
    }
    String where = exchange.method() + " " + template.get() + " (operationId "
        + operation.path("operationId").asString() + ")";
    String status = Integer.toString(exchange.status());
    JsonNode response = operation.path("responses").get(status);
    if (response == null) {
      return Optional.of(where + ": status " + status + " not documented (documented: "
          + String.join(", ", operation.path("responses").propertyNames()) + ")");
    }
    String mediaType = exchange.contentType() == null || exchange.contentType().isBlank()
        ? null : exchange.contentType().split(";")[0].trim();
    JsonNode content = response.path("content");
    if (mediaType == null) {
      return Optional.empty();
    }
    String documentedType = documentedType(content, mediaType);
    if (documentedType == null) {
      return Optional.of(where + ": status " + status + " answered " + mediaType
          + " but documents " + (content.isEmpty() ? "no body" : content.propertyNames()));
    }
    if (!mediaType.contains("json") || exchange.body().isEmpty()) {
      return Optional.empty();
    }
    String pointer = "/paths/" + escape(template.get()) + "/" + method + "/responses/" + status
        + "/content/" + escape(documentedType) + "/schema";
    if (content.get(documentedType).get("schema") == null) {
      return Optional.of(where + ": status " + status + " documents no schema for " + documentedType);
    }
    Schema schema = registry.getSchema(SchemaLocation.of(BASE + "#" + pointer));
    List<Error> errors = schema.validate(exchange.body(), InputFormat.JSON);
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(where + ": " + status + " body does not match its schema: " + errors
        + "\n      body: " + abbreviate(exchange.body()));
  }

  private static String documentedType(JsonNode content, String mediaType) {
    if (content.has(mediaType)) {
      return mediaType;
    }
    for (String type : content.propertyNames()) {
      if (type.equals("*/*") || type.endsWith("/*") && mediaType.startsWith(type.replace("*", ""))) {
        return type;
      }
    }
    return null;
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String abbreviate(String body) {
    return body.length() > 400 ? body.substring(0, 400) + "…" : body;
  }
}
