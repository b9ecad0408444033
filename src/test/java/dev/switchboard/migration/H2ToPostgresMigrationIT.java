package dev.switchboard.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.startup.ReadmeWalkthrough;
import dev.switchboard.support.PostgresTestDatabase;
import dev.switchboard.support.RunningJar;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
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
 * through the APIs (the README walkthrough and more), stopped, migrated with the {@code migrate}
 * command, and started on PostgreSQL with the same data directory. Every table of the schema
 * must hold rows before (a table added later fails here until this test fills it), hold the same
 * rows after, and the APIs must answer the same; tokens, refresh tokens and API keys issued
 * before the move keep working.
 */
@ExtendWith(PostgresTestDatabase.class)
class H2ToPostgresMigrationIT {
  @TempDir Path workDir;

  private final ScratchDatabase target = new ScratchDatabase("sb_migrate");

  @BeforeEach
  void createTarget() throws SQLException {
    target.create();
  }

  @AfterEach
  void dropTarget() throws SQLException {
    target.drop();
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

    Process migrate = new ProcessBuilder(List.of(RunningJar.java(), "-jar",
            RunningJar.jar().toString(), "migrate", "--from", data.toString(),
            "--to", target.url(), "--to-user", PostgresTestDatabase.user()))
        .directory(workDir.toFile()).redirectErrorStream(true).start();
    assertThat(migrate.waitFor(3, TimeUnit.MINUTES)).isTrue();
    String output = new String(migrate.getInputStream().readAllBytes());
    assertThat(migrate.exitValue()).as(output).isZero();
    assertThat(output).contains("Done:").doesNotContain("PASSWORD=;");

    try (Connection h2 = Tables.h2(data); Connection pg = target.connect()) {
      Map<String, List<String>> tables = SchemaTables.inDependencyOrder(h2);
      for (String table : tables.keySet()) {
        assertThat(Tables.rows(pg, table, tables.get(table)))
            .as(table).containsExactlyInAnyOrderElementsOf(Tables.rows(h2, table, tables.get(table)));
      }
    }

    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_DATASOURCE_URL", target.url());
    env.put("SPRING_DATASOURCE_USERNAME", PostgresTestDatabase.user());
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

  /** A database of its own on the PostgreSQL server the suite was given. */
  static final class ScratchDatabase {
    private final String name;

    ScratchDatabase(String prefix) {
      this.name = prefix + "_" + Long.toHexString(System.nanoTime());
    }

    String url() {
      String server = PostgresTestDatabase.url();
      return server.substring(0, server.lastIndexOf('/') + 1) + name;
    }

    Connection connect() throws SQLException {
      return DriverManager.getConnection(url(), PostgresTestDatabase.user(), "");
    }

    void create() throws SQLException {
      try (Connection admin = DriverManager.getConnection(
          PostgresTestDatabase.url(), PostgresTestDatabase.user(), "")) {
        admin.createStatement().execute("CREATE DATABASE " + name);
      }
    }

    void drop() throws SQLException {
      try (Connection admin = DriverManager.getConnection(
          PostgresTestDatabase.url(), PostgresTestDatabase.user(), "")) {
        admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }
}
