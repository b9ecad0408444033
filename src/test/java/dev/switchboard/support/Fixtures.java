package dev.switchboard.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates domains, users, credits and tokens through the real admin and token APIs. */
public final class Fixtures {
  public static final String PASSWORD = "correct-horse-battery";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final String adminKey;

  public Fixtures(String adminKey) {
    this.adminKey = adminKey;
  }

  public RequestSpecification admin() {
    return given().header("Authorization", "Bearer " + adminKey).contentType(ContentType.JSON);
  }

  /** A unique name, so tests sharing one server never see each other's data. */
  public static String unique(String prefix) {
    return prefix + "-" + COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public String domain() {
    String name = unique("dom");
    admin().body(Json.of("domain", name)).post("/admin/v1/domains").then().statusCode(201);
    return name;
  }

  public String user(String domain) {
    String userId = unique("u");
    admin()
        .body(Json.of("userId", userId, "displayName", "User " + userId, "password", PASSWORD))
        .post("/admin/v1/domains/{d}/users", domain)
        .then()
        .statusCode(201);
    return userId;
  }

  public void credit(String domain, String userId, long amount) {
    admin()
        .body(Json.of("amount", amount, "reason", "test"))
        .post("/admin/v1/domains/{d}/users/{u}/credits", domain, userId)
        .then()
        .statusCode(200);
  }

  public long balance(String domain, String userId) {
    return admin()
        .get("/admin/v1/domains/{d}/users/{u}", domain, userId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("balance");
  }

  public String token(String domain, String userId) {
    return given()
        .contentType(ContentType.JSON)
        .body(Json.of("domain", domain, "userId", userId, "password", PASSWORD))
        .post("/auth/token")
        .then()
        .statusCode(200)
        .extract()
        .path("accessToken");
  }

  /** An authenticated request as the given user. */
  public RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
  }
}
