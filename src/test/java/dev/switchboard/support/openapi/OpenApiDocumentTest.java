package dev.switchboard.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The conformance check itself: it must see each way an answer can differ from the document. */
class OpenApiDocumentTest {
  private static final String DOC = """
      {"openapi": "3.1.0", "paths": {
        "/users/{id}": {"get": {"operationId": "getUser", "responses": {
          "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}},
          "404": {"content": {"application/json": {"schema": {"type": "object"}}}}}}},
        "/users/me": {"get": {"operationId": "me", "responses": {"204": {"description": "none"}}}},
        "/files/{id}": {"get": {"operationId": "file", "responses": {
          "200": {"content": {"*/*": {"schema": {"type": "string", "format": "binary"}}}}}}}},
       "components": {"schemas": {"User": {"type": "object", "required": ["id"],
         "properties": {"id": {"type": "string"}, "age": {"type": ["integer", "null"]}}}}}}
      """;
  private final OpenApiDocument document = new OpenApiDocument(DOC);

  private static RecordedExchange get(String path, int status, String type, String body) {
    return new RecordedExchange(1, "GET", path, status, type, body, "test");
  }

  @Test
  void aDocumentedAnswerPasses() {
    assertThat(document.problem(get("/users/u1", 200, "application/json", "{\"id\":\"u1\",\"age\":null}")))
        .isEmpty();
    assertThat(document.problem(get("/files/f1", 200, "image/png", ""))).isEmpty();
  }

  @Test
  void theMostLiteralTemplateWins() {
    assertThat(document.template("/users/me")).contains("/users/me");
    assertThat(document.problem(get("/users/me", 204, null, ""))).isEmpty();
  }

  @Test
  void eachDifferenceIsNamedWithTheOperation() {
    assertThat(document.problem(get("/nowhere", 200, null, ""))).contains("path not documented");
    assertThat(new RecordedExchange(1, "DELETE", "/users/u1", 200, null, "", "t"))
        .satisfies(e -> assertThat(document.problem(e)).get().asString().contains("DELETE /users/{id} not documented"));
    assertThat(document.problem(get("/users/u1", 500, "application/json", "{}"))).get().asString()
        .contains("GET /users/{id} (operationId getUser): status 500 not documented (documented: 200, 404)");
    assertThat(document.problem(get("/users/u1", 200, "text/plain", "x"))).get().asString()
        .contains("answered text/plain but documents [application/json]");
    assertThat(document.problem(get("/users/u1", 200, "application/json", "{\"age\":\"old\"}")))
        .get().asString().contains("body does not match its schema").contains("id").contains("age");
  }
}
