package dev.switchboard.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.file.MediaSamples;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;
import dev.switchboard.support.OpsGuide;
import dev.switchboard.support.PostgresTestDatabase;
import dev.switchboard.support.RunningJar;
import dev.switchboard.support.ScratchPostgres;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The procedures of docs/operations.md, run verbatim against the real jar: H2 and PostgreSQL
 * backups restored after a loss, and the rotations of the signing secret and the admin key
 * with their overlap windows. (Moving to PostgreSQL: H2ToPostgresMigrationIT.)
 */
class OperationsGuideIT {
  @TempDir Path workDir;

  private Path data() {
    return workDir.resolve("data");
  }

  private String adminKey() throws Exception {
    return Files.readString(data().resolve("admin.key")).strip();
  }

  /** A user with a file, through the APIs; returns the user's token and the file's id. */
  private static String[] userWithFile(String adminKey, String user) {
    Fixtures fixtures = new Fixtures(adminKey);
    fixtures.admin().body(Json.of("userId", user, "displayName", user, "password", Fixtures.PASSWORD))
        .post("/admin/v1/domains/default/users").then().statusCode(201);
    String token = fixtures.token("default", user);
    String fileId = given().header("Authorization", "Bearer " + token)
        .multiPart("file", "dot.png", MediaSamples.png(16, 8)).post("/api/v3/files")
        .then().statusCode(200).extract().path("[0].fileId");
    return new String[] {token, fileId};
  }

  private static void assertRestored(String adminKey, String[] kept, String lost) {
    Fixtures fixtures = new Fixtures(adminKey);
    fixtures.admin().get("/admin/v1/domains/default/users/kept").then().statusCode(200);
    fixtures.admin().get("/admin/v1/domains/default/users/" + lost).then().statusCode(404);
    byte[] bytes = given().header("Authorization", "Bearer " + kept[0])
        .get("/files/" + kept[1]).then().statusCode(200).extract().asByteArray();
    assertThat(bytes).isEqualTo(MediaSamples.png(16, 8));
  }

  @Test
  void anH2BackupMadeWhileServingIsRestoredAfterTheDataIsLost() throws Exception {
    Map<String, String> vars = new HashMap<>(Map.of("DATA_DIR", data().toString(),
        "BACKUP_DIR", workDir.resolve("backup").toString()));
    String[] kept;
    try (RunningJar server = RunningJar.start(workDir, Map.of())) {
      RestAssured.port = server.port;
      vars.put("BASE", server.baseUrl());
      vars.put("ADMIN_KEY", adminKey());
      kept = userWithFile(adminKey(), "kept");
      assertThat(OpsGuide.run("h2-backup", workDir, vars)).contains("\"bytes\":");
      userWithFile(adminKey(), "after-the-backup");
      OpsGuide.Result refused = OpsGuide.attempt("h2-restore", workDir, vars);
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.output()).contains("the database is in use: stop the server first");
    }
    deleteTree(data().resolve("db"));
    deleteTree(data().resolve("files"));
    OpsGuide.run("h2-restore", workDir, vars);
    try (RunningJar server = RunningJar.start(workDir, Map.of())) {
      RestAssured.port = server.port;
      assertRestored(adminKey(), kept, "after-the-backup");
    }
  }

  @Test
  @ExtendWith(PostgresTestDatabase.class)
  void aPgDumpAndTheFilesAreRestoredIntoAnEmptyDatabase() throws Exception {
    try (ScratchPostgres live = ScratchPostgres.create("sb_backup");
        ScratchPostgres restored = ScratchPostgres.create("sb_restored")) {
      Map<String, String> vars = Map.of("DATA_DIR", data().toString(),
          "BACKUP_DIR", workDir.resolve("backup").toString(),
          "DATABASE_URL", live.libpqUrl(), "RESTORE_URL", restored.libpqUrl());
      String[] kept;
      String adminKey;
      try (RunningJar server = RunningJar.start(workDir, postgres(live))) {
        RestAssured.port = server.port;
        adminKey = adminKey();
        kept = userWithFile(adminKey, "kept");
        OpsGuide.run("pg-backup", workDir, vars);
        userWithFile(adminKey, "after-the-backup");
      }
      deleteTree(data().resolve("files"));
      OpsGuide.run("pg-restore", workDir, vars);
      try (RunningJar server = RunningJar.start(workDir, postgres(restored))) {
        RestAssured.port = server.port;
        assertRestored(adminKey, kept, "after-the-backup");
      }
    }
  }

  @Test
  void secretAndAdminKeyRotationsKeepTheOldValuesUntilTheWindowCloses() throws Exception {
    Path envFile = workDir.resolve("switchboard.env");
    Files.writeString(envFile, "# settings\n");
    Map<String, String> vars = Map.of("DATA_DIR", data().toString(), "ENV_FILE", envFile.toString());
    String oldKey;
    String oldToken;
    try (RunningJar server = RunningJar.start(workDir, OpsGuide.settings(envFile))) {
      RestAssured.port = server.port;
      oldKey = adminKey();
      oldToken = userWithFile(oldKey, "rotating")[0];
    }
    OpsGuide.run("rotate-jwt-secret", workDir, vars);
    OpsGuide.run("rotate-admin-key", workDir, vars);
    String newKey = OpsGuide.settings(envFile).get("SWITCHBOARD_ADMIN_KEY");
    assertThat(newKey).startsWith("sba_").isNotEqualTo(oldKey);
    String newToken;
    try (RunningJar server = RunningJar.start(workDir, OpsGuide.settings(envFile))) {
      RestAssured.port = server.port;
      assertChats(oldToken, 200);
      newToken = new Fixtures(newKey).token("default", "rotating");
      assertChats(newToken, 200);
      assertAdmin(newKey, 200);
      assertAdmin(oldKey, 200);
      assertThat(server.log()).contains("An admin request used a previous admin key");
    }
    OpsGuide.run("finish-jwt-rotation", workDir, vars);
    OpsGuide.run("finish-admin-key-rotation", workDir, vars);
    try (RunningJar server = RunningJar.start(workDir, OpsGuide.settings(envFile))) {
      RestAssured.port = server.port;
      assertChats(oldToken, 401);
      assertChats(newToken, 200);
      assertAdmin(oldKey, 401);
      assertAdmin(newKey, 200);
    }
  }

  private static void assertChats(String token, int status) {
    given().header("Authorization", "Bearer " + token).get("/api/v1/chats")
        .then().statusCode(status);
  }

  private static void assertAdmin(String key, int status) {
    given().header("Authorization", "Bearer " + key).get("/admin/v1/domains")
        .then().statusCode(status);
  }

  private static Map<String, String> postgres(ScratchPostgres database) {
    return Map.of("SPRING_DATASOURCE_URL", database.url(),
        "SPRING_DATASOURCE_USERNAME", PostgresTestDatabase.user());
  }

  private static void deleteTree(Path root) throws Exception {
    if (!Files.exists(root)) {
      return;
    }
    try (var all = Files.walk(root)) {
      for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
