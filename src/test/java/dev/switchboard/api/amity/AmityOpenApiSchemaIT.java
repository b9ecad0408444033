package dev.switchboard.api.amity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.switchboard.file.MediaSamples;
import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every Amity chat operation Switchboard serves, called for real, success and error, and its
 * body validated against Amity's own OpenAPI document ({@code amity-chat.deref.json}, copied into
 * the test resources). An error status the document gives no body for is validated against
 * Amity's error schema. The known deviations, where the seed or the SDK wins over the document,
 * are listed in {@link #DEVIATIONS} with their reason (docs/amity.md); any other one fails.
 */
class AmityOpenApiSchemaIT extends ApiTestBase {
  private static final JsonNode SPEC = load();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
  private static final String ERROR_SCHEMA_OF = "/api/v3/users";

  private static final String SEED = "seed 003 (the contract, which wins over the document) has null here";

  /**
   * "operation path prefix + space + instance location (array indices as *)" → why Switchboard
   * differs (docs/amity.md lists the same). v5, markers and users bodies have none.
   */
  static final Map<String, String> DEVIATIONS = Map.ofEntries(
      Map.entry("/api/ /users/*/avatarFileId", SEED),
      Map.entry("/api/ /users/*/avatarCustomUrl", SEED),
      Map.entry("/api/v3/sessions /lastCachePurge", SEED),
      Map.entry("/api/v3/channels /channels/*/muteTimeout", SEED),
      Map.entry("/api/v3/channels /channels/*/rateLimitTimeout", SEED),
      Map.entry("/api/v3/channels /channels/*/autoDeleteMessageByFlagLimit", SEED),
      Map.entry("/api/v3/channels /channels/*/avatarFileId", SEED),
      Map.entry("/api/v3/channels /channels/*/messagePreviewId", SEED),
      Map.entry("/api/v3/channels /channels/*/displayName", SEED + " (conversation channels without a name)"),
      Map.entry("/api/v3/channels /channelUsers/*/muteTimeout", SEED),
      Map.entry("/api/v3/channels /paging/next", SEED),
      Map.entry("/api/v4/channels/{channelId}/users /channels/*/muteTimeout", SEED),
      Map.entry("/api/v4/channels/{channelId}/users /channels/*/rateLimitTimeout", SEED),
      Map.entry("/api/v4/channels/{channelId}/users /channels/*/autoDeleteMessageByFlagLimit", SEED),
      Map.entry("/api/v4/channels/{channelId}/users /channels/*/avatarFileId", SEED),
      Map.entry("/api/v4/channels/{channelId}/users /channels/*/messagePreviewId", SEED),
      Map.entry("/api/v4/channels/{channelId}/users /channelUsers/*/muteTimeout", SEED),
      Map.entry("/api/v4/channels/{channelId}/users /paging/next", SEED),
      Map.entry("/api/v3/messages /messages/*/parentId", SEED),
      Map.entry("/api/v3/messages /messages/*/fileId", SEED),
      Map.entry("/api/v3/messages /messages/*/latestReaction", SEED),
      Map.entry("/api/v3/messages /paging/next", SEED),
      Map.entry("/api/v3/messages /paging/prev", SEED),
      Map.entry("/api/v3/reactions /paging/next", SEED),
      Map.entry("/api/v3/reactions /paging/previous", SEED),
      Map.entry("/api/v4/images /*/type", "the document types it as \"enum\", which no value matches"));

  private final List<String> failures = new ArrayList<>();
  private final Set<String> checked = new TreeSet<>();

  private static JsonNode load() {
    try (InputStream in = AmityOpenApiSchemaIT.class.getResourceAsStream("/amity/amity-chat.deref.json")) {
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Response check(String method, String path, Response response) {
    String status = String.valueOf(response.statusCode());
    JsonNode op = SPEC.path("paths").path(path).path(method);
    assertThat(op.isMissingNode()).as("%s %s is in Amity's document", method, path).isFalse();
    JsonNode schema = op.path("responses").path(status).path("content").path("application/json").path("schema");
    if (schema.isMissingNode() && response.statusCode() >= 400) {
      schema = SPEC.path("paths").path(ERROR_SCHEMA_OF).path("get").path("responses").path("400")
          .path("content").path("application/json").path("schema");
    }
    String key = method.toUpperCase() + " " + path + " " + status;
    checked.add(key);
    if (schema.isMissingNode()) {
      assertThat(Json.parse(response.asString()).isObject()).as(key + " answers a JSON object").isTrue();
      return response;
    }
    Schema compiled = REGISTRY.getSchema(schema.toString(), InputFormat.JSON);
    for (Error e : compiled.validate(response.asString(), InputFormat.JSON)) {
      String location = e.getInstanceLocation().toString().replaceAll("/\\d+(?=/|$)", "/*");
      boolean known = DEVIATIONS.keySet().stream().anyMatch(d -> {
        String[] parts = d.split(" ", 2);
        return path.startsWith(parts[0]) && location.equals(parts[1]);
      });
      if (!known) {
        failures.add(key + " " + location + ": " + e.getMessage());
      }
    }
    return response;
  }

  @Test
  void everyOperationAnswersWhatAmitysDocumentDescribes() {
    AmityFixtures amity = new AmityFixtures(fixtures);
    Network network = amity.network();
    String alice = amity.newUser(network);
    String bob = amity.newUser(network);
    Map<String, Object> session = Map.of("userId", alice, "deviceId", "schema",
        "deviceInfo", Map.of("kind", "web", "model", "node", "sdkVersion", "6.35.3"));
    Response opened = check("post", "/api/v4/sessions", amity.withApiKey(network).body(session).post("/api/v5/sessions"));
    String token = opened.path("accessToken");
    String bobToken = amity.session(network, bob);
    check("post", "/api/v4/sessions", amity.withApiKey(new Network(network.domain(), "bad")).body(session).post("/api/v4/sessions"));
    check("get", "/api/v3/sessions", amity.as(token).get("/api/v3/sessions"));

    // Channels
    String community = check("post", "/api/v3/channels", amity.as(token)
        .body(Json.of("type", "community", "displayName", "Schema", "userIds", List.of(bob))).post("/api/v3/channels"))
        .path("channels[0].channelId");
    check("post", "/api/v3/channels", amity.as(token).body(Json.of("type", "nope")).post("/api/v3/channels"));
    String chat = check("post", "/api/v3/channels/conversation", amity.as(token)
        .body(Json.of("userIds", List.of(bob))).post("/api/v3/channels/conversation")).path("channels[0].channelInternalId");
    check("get", "/api/v3/channels", amity.as(token).get("/api/v3/channels"));
    check("get", "/api/v3/channels/{channelId}", amity.as(token).get("/api/v3/channels/{id}", community));
    check("get", "/api/v3/channels/{channelId}", amity.as(token).get("/api/v3/channels/{id}", "missing"));
    check("get", "/api/v3/channels/list", amity.as(token).queryParam("channelIds[]", community).get("/api/v3/channels/list"));
    check("get", "/api/v4/channels/{channelId}/users", amity.as(token).get("/api/v4/channels/{id}/users", community));
    check("post", "/api/v3/channels/{channelId}/join", amity.as(bobToken).post("/api/v3/channels/{id}/join", community));

    // v3 and v5 messages
    String v3 = check("post", "/api/v3/messages", amity.as(token)
        .body(Json.of("channelId", community, "data", Map.of("text", "v3"))).post("/api/v3/messages")).path("messages[0]._id");
    check("get", "/api/v3/messages", amity.as(token).queryParam("channelId", community).get("/api/v3/messages"));
    check("get", "/api/v3/messages/{messageId}", amity.as(token).get("/api/v3/messages/{id}", v3));
    Response v5 = check("post", "/api/v5/messages", amity.as(token).body(Json.of("messageFeedId", chat, "dataType", "text",
        "data", Map.of("text", "v5"), "referenceId", "LOCAL_s", "mentionedUsers",
        List.of(Map.of("type", "user", "userIds", List.of(bob))))).post("/api/v5/messages"));
    String id = v5.path("messages[0].messageId");
    check("post", "/api/v5/messages", amity.as(token).body(Json.of("dataType", "text")).post("/api/v5/messages"));
    check("get", "/api/v5/messages", amity.as(token).queryParam("messageFeedId", chat).get("/api/v5/messages"));
    check("get", "/api/v5/messages", amity.as(token).queryParam("messageFeedId", chat)
        .queryParam("options[limit]", 0).get("/api/v5/messages"));
    check("get", "/api/v5/messages/{messageId}", amity.as(bobToken).get("/api/v5/messages/{id}", id));
    check("get", "/api/v5/messages/{messageId}", amity.as(bobToken).get("/api/v5/messages/{id}", "nothing"));
    check("get", "/api/v5/messages/list", amity.as(bobToken).queryParam("messageIds[]", id).get("/api/v5/messages/list"));
    check("put", "/api/v5/messages/{messageId}", amity.as(token).body(Json.of("data", Map.of("text", "v5!")))
        .put("/api/v5/messages/{id}", id));
    check("put", "/api/v5/messages/{messageId}", amity.as(bobToken).body(Json.of("data", Map.of("text", "no")))
        .put("/api/v5/messages/{id}", id));
    check("post", "/api/v5/messages/{messageId}/flags", amity.as(bobToken).post("/api/v5/messages/{id}/flags", id));
    check("get", "/api/v5/messages/{messageId}/flags", amity.as(bobToken).get("/api/v5/messages/{id}/flags", id));
    check("delete", "/api/v5/messages/{messageId}/flags", amity.as(bobToken).delete("/api/v5/messages/{id}/flags", id));
    check("get", "/api/v5/message-feeds/{messageFeedId}", amity.as(bobToken).get("/api/v5/message-feeds/{id}", chat));
    check("get", "/api/v5/message-feeds/list", amity.as(bobToken).queryParam("messageFeedIds[]", chat).get("/api/v5/message-feeds/list"));
    check("get", "/api/v5/message-feeds/channel/{channelId}", amity.as(bobToken).get("/api/v5/message-feeds/channel/{id}", chat));

    // Reactions
    Map<String, Object> reaction = Map.of("referenceId", id, "referenceType", "message", "reactionName", "like", "referenceVersion", 5);
    check("post", "/api/v2/reactions", amity.as(bobToken).body(reaction).post("/api/v2/reactions"));
    check("get", "/api/v3/reactions", amity.as(bobToken).queryParam("referenceId", id).queryParam("referenceType", "message").get("/api/v3/reactions"));
    check("delete", "/api/v2/reactions", amity.as(bobToken).body(reaction).delete("/api/v2/reactions"));
    check("delete", "/api/v2/reactions", amity.as(bobToken).body(Map.of("referenceType", "message")).delete("/api/v2/reactions"));

    // Markers
    check("get", "/api/v1/markers/userMarker", amity.as(bobToken).get("/api/v1/markers/userMarker"));
    check("get", "/api/v1/markers/channels", amity.as(bobToken).queryParam("channelIds[]", chat).get("/api/v1/markers/channels"));
    check("get", "/api/v1/markers/message-feeds", amity.as(bobToken).queryParam("messageFeedIds[]", chat).get("/api/v1/markers/message-feeds"));
    check("get", "/api/v1/markers/user-message-feed", amity.as(bobToken).queryParam("channelIds[]", chat).get("/api/v1/markers/user-message-feed"));
    check("get", "/api/v1/markers/messages", amity.as(bobToken).queryParam("messageIds[]", id).get("/api/v1/markers/messages"));
    check("post", "/api/v1/markers/sync", amity.as(bobToken).body(Json.of("deviceLastSyncAt", "2000-01-01T00:00:00.000Z")).post("/api/v1/markers/sync"));
    check("put", "/api/v1/markers/message-feeds/{messageFeedId}/mark-read", amity.as(bobToken)
        .body(Json.of("readToSegment", 1)).put("/api/v1/markers/message-feeds/{id}/mark-read", chat));
    check("put", "/api/v1/markers/message-feeds/{messageFeedId}/mark-read", amity.as(bobToken)
        .body(Json.of("readToSegment", -1)).put("/api/v1/markers/message-feeds/{id}/mark-read", chat));
    check("put", "/api/v1/markers/channels/{channelId}/mark-read", amity.as(bobToken).put("/api/v1/markers/channels/{id}/mark-read", chat));

    // Users
    check("get", "/api/v3/users", amity.as(token).queryParam("keyword", alice).get("/api/v3/users"));
    check("get", "/api/v3/users", amity.as(token).queryParam("sortBy", "age").get("/api/v3/users"));
    check("get", "/api/v3/users/{userId}", amity.as(token).get("/api/v3/users/{id}", bob));
    check("get", "/api/v3/users/{userId}", amity.as(token).get("/api/v3/users/{id}", "nobody-at-all"));
    check("get", "/api/v3/users/list", amity.as(token).queryParam("userIds[]", bob).get("/api/v3/users/list"));

    // Files, and the soft delete last
    check("post", "/api/v4/images", given().header("Authorization", "Bearer " + token)
        .multiPart("files", "cat.png", MediaSamples.png(32, 32)).post("/api/v4/images"));
    check("delete", "/api/v5/messages/{messageId}", amity.as(token).delete("/api/v5/messages/{id}", id));
    check("delete", "/api/v3/messages/{messageId}", amity.as(token).delete("/api/v3/messages/{id}", v3));

    assertThat(checked).hasSizeGreaterThan(50);
    assertThat(failures).as("bodies that break Amity's document").isEmpty();
  }
}
