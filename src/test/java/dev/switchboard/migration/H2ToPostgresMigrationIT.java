package dev.switchboard.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.startup.ReadmeWalkthrough;
import dev.switchboard.support.OpsGuide;
import dev.switchboard.support.PostgresTestDatabase;
import dev.switchboard.support.ScratchPostgres;
import dev.switchboard.support.RunningJar;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md's move from H2 to PostgreSQL, on the real jar: a server on H2 is filled
 * through the APIs (the README walkthrough and more), stopped, migrated by the guide's
 * {@code ops:migrate} procedure (the {@code migrate} command), and started on PostgreSQL with the same data directory. Every table of the schema
 * must hold rows before (a table added later fails here until this test fills it), hold the same
 * rows after, and the APIs must answer the same; tokens, refresh tokens and API keys issued
 * before the move keep working.
 */
@ExtendWith(PostgresTestDatabase.class)
class H2ToPostgresMigrationIT {
  @TempDir Path workDir;

  private ScratchPostgres target;

  @BeforeEach
  void createTarget() throws SQLException {
    target = ScratchPostgres.create("sb_migrate");
  }

  @AfterEach
  void dropTarget() throws SQLException {
    target.close();
  }

  @Test
  void everyTableMovesAndTheApisAnswerTheSameOnPostgres() throws Exception {
    Map<String, String> before;
    Snapshot.Credentials credentials;
    try (RunningJar h2 = RunningJar.start(workDir, Map.of())) {
      RestAssured.port = h2.port;
      ReadmeWalkthrough.runAll(workDir, h2.baseUrl());
      credentials = Snapshot.fillTheRest(adminKey());
      before = Snapshot.views(h2.baseUrl(), credentials);
    }
    Path data = workDir.resolve("data");
    Tables.fillTablesTheApisLeftEmpty(data);
    assertThat(Tables.emptyTables(Tables.h2(data)))
        .as("tables without rows: fill them in Snapshot.fillTheRest or Tables, so the migration"
            + " of their data is checked")
        .isEmpty();

    Path envFile = workDir.resolve("switchboard.env");
    String output = OpsGuide.run("migrate", workDir, Map.of("DATA_DIR", data.toString(),
        "PG_JDBC_URL", target.url(), "PG_USER", PostgresTestDatabase.user(), "PG_PASSWORD", "",
        "ENV_FILE", envFile.toString()));
    assertThat(output).contains("Done:").doesNotContain("PASSWORD=;");

    try (Connection h2 = Tables.h2(data); Connection pg = target.connect()) {
      Map<String, List<String>> tables = SchemaTables.inDependencyOrder(h2);
      for (String table : tables.keySet()) {
        assertThat(Tables.rows(pg, table, tables.get(table)))
            .as(table).containsExactlyInAnyOrderElementsOf(Tables.rows(h2, table, tables.get(table)));
      }
    }

    Map<String, String> env = OpsGuide.settings(envFile);
    assertThat(env).containsEntry("SPRING_DATASOURCE_URL", target.url());
    try (RunningJar pg = RunningJar.start(workDir, env)) {
      RestAssured.port = pg.port;
      try {
        assertThat(Snapshot.views(pg.baseUrl(), credentials)).isEqualTo(before);
        Snapshot.credentialsStillWork(credentials);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "\nserver log:\n" + pg.log(), e);
      }
    }

    // A second run refuses: the target is no longer empty, and it stays as it is.
    Process again = new ProcessBuilder(List.of(RunningJar.java(), "-jar",
            RunningJar.jar().toString(), "migrate", "--from", data.toString(),
            "--to", target.url(), "--to-user", PostgresTestDatabase.user()))
        .redirectErrorStream(true).start();
    assertThat(again.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(new String(again.getInputStream().readAllBytes()))
        .contains("already holds a Switchboard schema");
    assertThat(again.exitValue()).isEqualTo(1);
  }

  private String adminKey() throws java.io.IOException {
    return Files.readString(workDir.resolve("data/admin.key")).strip();
  }
}
