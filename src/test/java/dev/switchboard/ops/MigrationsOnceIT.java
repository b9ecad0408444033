package dev.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.PostgresTestDatabase;
import dev.switchboard.support.RunningJar;
import dev.switchboard.support.ScratchPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade of several nodes at once (docs/operations.md, "Upgrades"): two nodes start at the
 * same moment on one empty PostgreSQL database; both become healthy, and each migration was
 * applied exactly once, successfully.
 */
@ExtendWith(PostgresTestDatabase.class)
class MigrationsOnceIT {
  @TempDir Path workDir;

  @Test
  void twoNodesStartingTogetherApplyEachMigrationOnce() throws Exception {
    try (ScratchPostgres database = ScratchPostgres.create("sb_nodes")) {
      Map<String, String> env = Map.of(
          "SPRING_DATASOURCE_URL", database.url(),
          "SPRING_DATASOURCE_USERNAME", PostgresTestDatabase.user(),
          "SWITCHBOARD_ADMIN_KEY", "nodes-admin-key-0123456789",
          "SWITCHBOARD_JWT_SECRET", "nodes-signing-secret-0123456789abcdef");
      Path one = Files.createDirectories(workDir.resolve("node-1"));
      Path two = Files.createDirectories(workDir.resolve("node-2"));
      CompletableFuture<RunningJar> first = start(one, env);
      CompletableFuture<RunningJar> second = start(two, env);
      try (RunningJar a = first.join(); RunningJar b = second.join()) {
        assertThat(a.port).isNotEqualTo(b.port);
        List<String> versions = new ArrayList<>();
        try (Connection connection = database.connect();
            ResultSet rows = connection.createStatement().executeQuery(
                "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
          while (rows.next()) {
            assertThat(rows.getBoolean("success")).isTrue();
            versions.add(rows.getString("version"));
          }
        }
        assertThat(versions).doesNotHaveDuplicates().hasSize(migrationsForPostgres());
      }
    }
  }

  private static CompletableFuture<RunningJar> start(Path dir, Map<String, String> env) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return RunningJar.start(dir, env);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static int migrationsForPostgres() throws Exception {
    int count = 0;
    for (String folder : List.of("common", "postgresql")) {
      try (var files = Files.list(Path.of("src/main/resources/db/migration", folder))) {
        count += (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
      }
    }
    return count;
  }
}
