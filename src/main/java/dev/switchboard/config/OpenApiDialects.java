package dev.switchboard.config;

import dev.switchboard.api.web.DialectErrorRouter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The one table that says, for every path of the document, which API it belongs to: the order
 * of its tags in the Swagger UI, the credential it takes and the body of its errors. Operations
 * added on any branch are placed by their path; a new prefix is one line here.
 *
 * <p>Error statuses every operation of an API can answer are added where the controller did not
 * document them (docs/openapi.md says which): 400 (bad parameters, headers or body), 401 and 403
 * (credentials), 404 (an id in the path or query, or one a write refers to), 409 (writes), 413 and 415 (bodies),
 * 429 (rate limits) and 500. The OpenAPI conformance check of the ITs keeps this honest.
 */
final class OpenApiDialects implements OpenApiCustomizer {
  /** An API of the server: its tags come in this order, then by name. */
  record DocumentedApi(String name, String errorSchema, String security, List<String> prefixes) {
    boolean owns(String path) {
      return prefixes.stream().anyMatch(path::startsWith);
    }
  }

  /**
   * The native groups by prefix, in the order shown; then the dialects, whose paths are the ones
   * their error renderer owns ({@link DialectErrorRouter}), so the document never disagrees with
   * the body a path's errors really have.
   */
  static final List<DocumentedApi> DIALECTS = List.of(
      new DocumentedApi("admin", "NativeError", "adminKey", List.of("/admin/", "/console/")),
      new DocumentedApi("tokens", "NativeError", null, List.of("/auth/")),
      new DocumentedApi("native", "NativeError", "bearerToken", List.of("/files/", "/realtime/")),
      new DocumentedApi("carrier", "NativeError", "carrierSecret", List.of("/carrier/")),
      new DocumentedApi("amity", "AmityError", "amityBearer", List.of()),
      new DocumentedApi("allmine", "AllmineError", "bearerToken", List.of()),
      new DocumentedApi("netsapiens", "NetSapiensError", "nsBearer", List.of()));

  /** Operations that take another credential than their API's, or none ("" = public). */
  static final Map<String, String> SECURITY_EXCEPTIONS = Map.of(
      "POST /api/v4/sessions", "amityApiKey",
      "POST /api/v3/sessions", "amityApiKey",
      "POST /api/v4/authentication/token", "amityServerKey",
      "POST /ns-api/v2/tokens", "",
      "POST /console/session", "",
      "GET /console/session", "consoleSession",
      "DELETE /console/session", "consoleSession");

  private final DialectErrorRouter router;

  OpenApiDialects(DialectErrorRouter router) {
    this.router = router;
  }

  @Override
  public void customise(OpenAPI openApi) {
    openApi.getComponents().getSchemas().putAll(errorSchemas());
    Map<String, DocumentedApi> tagDialects = new TreeMap<>();
    openApi.getPaths().forEach((path, item) -> dialect(path).ifPresent(dialect ->
        item.readOperationsMap().forEach((method, operation) -> {
          document(path, method, operation, dialect);
          if (operation.getTags() != null) {
            operation.getTags().forEach(tag -> tagDialects.putIfAbsent(tag, dialect));
          }
        })));
    orderTags(openApi, tagDialects);
  }

  private Optional<DocumentedApi> dialect(String path) {
    String owner = router.forPath(path).name();
    return DIALECTS.stream().filter(d -> d.owns(path)).findFirst()
        .or(() -> DIALECTS.stream().filter(d -> d.name().equals(owner)).findFirst());
  }

  private static void document(String path, PathItem.HttpMethod method, Operation operation,
      DocumentedApi dialect) {
    String key = method + " " + path;
    String security = SECURITY_EXCEPTIONS.getOrDefault(key, dialect.security());
    if (security != null && !security.isEmpty()) {
      operation.setSecurity(List.of(new SecurityRequirement().addList(security)));
    } else {
      operation.setSecurity(List.of());
    }
    ApiResponses responses = operation.getResponses();
    boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
    add(responses, "400", "Invalid parameters, headers or body", dialect);
    add(responses, "401", "Missing, wrong, expired or revoked credentials", dialect);
    if (security != null && !security.isEmpty()) {
      add(responses, "403", "The credential may not do this", dialect);
    }
    boolean names = path.contains("{") || operation.getParameters() != null
        && operation.getParameters().stream().anyMatch(p -> "query".equals(p.getIn()));
    if (names || write) {
      add(responses, "404", "Not found (or not visible to this caller)", dialect);
    }
    if (write) {
      add(responses, "409", "Conflicts with the current state", dialect);
    }
    if (operation.getRequestBody() != null) {
      add(responses, "413", "Body or file too large", dialect);
      add(responses, "415", "Unsupported content type", dialect);
    }
    add(responses, "429", "Rate limit reached; Retry-After says when to try again", dialect);
    add(responses, "500", "Internal error (the X-Request-Id header names it in the log)", dialect);
    responses.forEach((status, response) -> {
      if (status.startsWith("4") || status.startsWith("5")) {
        errorBody(response, dialect);
      }
    });
  }

  /**
   * An error documented on a method without its body gets its API's error body: springdoc would
   * otherwise give it the method's success schema. A declared non-JSON body (text/plain) stays.
   */
  private static void errorBody(ApiResponse response, DocumentedApi dialect) {
    Content content = response.getContent();
    MediaType json = content == null ? null : content.get("application/json");
    boolean declaredOther = content != null && !content.isEmpty() && json == null
        && !content.containsKey("*/*");
    if (declaredOther) {
      return;
    }
    String ref = json == null || json.getSchema() == null ? null : json.getSchema().get$ref();
    if (ref == null || !ref.endsWith("Error")) {
      response.setContent(errorContent(dialect));
    }
  }

  private static void add(ApiResponses responses, String status, String description,
      DocumentedApi dialect) {
    if (responses.containsKey(status)) {
      return;
    }
    responses.addApiResponse(status,
        new ApiResponse().description(description).content(errorContent(dialect)));
  }

  private static Content errorContent(DocumentedApi dialect) {
    return new Content().addMediaType("application/json", new MediaType()
        .schema(new Schema<>().$ref("#/components/schemas/" + dialect.errorSchema())));
  }

  private static void orderTags(OpenAPI openApi, Map<String, DocumentedApi> tagDialects) {
    Map<String, Tag> known = new LinkedHashMap<>();
    if (openApi.getTags() != null) {
      openApi.getTags().forEach(tag -> known.put(tag.getName(), tag));
    }
    List<String> names = new ArrayList<>(tagDialects.keySet());
    names.sort(Comparator.comparingInt((String tag) -> DIALECTS.indexOf(tagDialects.get(tag)))
        .thenComparing(Comparator.naturalOrder()));
    List<Tag> ordered = new ArrayList<>();
    for (String name : names) {
      ordered.add(known.getOrDefault(name, new Tag().name(name)));
    }
    openApi.setTags(ordered);
  }

  /** Each API's error body, as its error renderer writes it. */
  private static Map<String, Schema> errorSchemas() {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    schemas.put("NativeError", new ObjectSchema()
        .description("Switchboard's own error: the admin, token, file, carrier and realtime APIs")
        .addProperty("error", new StringSchema().example("invalid_argument"))
        .addProperty("message", new StringSchema().example("Invalid request: domain is required"))
        .required(List.of("error", "message")));
    schemas.put("AllmineError", new ObjectSchema()
        .description("Allmine's envelope of a failure")
        .addProperty("isSuccess", new Schema<Boolean>().type("boolean").example(false))
        .addProperty("statusCode", new IntegerSchema().example(400))
        .addProperty("data", new Schema<>().type("null"))
        .addProperty("errors", new ArraySchema().items(new StringSchema())
            .example(List.of("content must not be blank")))
        .addProperty("timestamp", new StringSchema().format("date-time"))
        .required(List.of("isSuccess", "statusCode", "errors", "timestamp")));
    schemas.put("AmityError", new ObjectSchema()
        .description("Amity's error: numeric code and HTTP status (wire-notes §1.1)")
        .addProperty("status", new StringSchema()._enum(List.of("error")))
        .addProperty("code", new IntegerSchema().example(400000))
        .addProperty("message", new StringSchema().example("Parameters error"))
        .addProperty("data", new ObjectSchema().addProperty("detail",
            new ArraySchema().items(new StringSchema())))
        .required(List.of("status", "code", "message")));
    schemas.put("NetSapiensError", new ObjectSchema()
        .description("NetSapiens' error, also the body of 202 Accepted")
        .addProperty("code", new IntegerSchema().example(404))
        .addProperty("message", new StringSchema().example("Not Found"))
        .required(List.of("code", "message")));
    return schemas;
  }
}
