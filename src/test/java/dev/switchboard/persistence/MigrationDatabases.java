package dev.switchboard.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.support.PostgresTestDatabase;
import dev.switchboard.support.ScratchSchema;
import dev.switchboard.support.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * What a test of one migration on a database that already holds data needs: a database of its
 * own (an H2 file, or a PostgreSQL scratch schema), Flyway over the server's migrations for its
 * vendor, and the version just before the migration under test, to stop there, fill the tables
 * the way the older server wrote them, and migrate on.
 */
final class MigrationDatabases {
  /** A test of one migration, given a database and its vendor's name (h2, postgresql). */
  interface Across {
    void run(HikariDataSource dataSource, String vendor);
  }

  private MigrationDatabases() {}

  /** Runs the test on a new H2 database in a file of its own. */
  static void onH2(String name, Across test) throws IOException {
    try (HikariDataSource dataSource = h2(name)) {
      test.run(dataSource, "h2");
    }
  }

  /** Runs the test in a new schema of the test PostgreSQL (the test extends with it). */
  static void onPostgres(String name, Across test) throws SQLException {
    try (ScratchSchema schema = ScratchSchema.create(name.replace('-', '_'));
        HikariDataSource dataSource =
            TestDatabases.pool(schema.url(), PostgresTestDatabase.user(), name, 2)) {
      test.run(dataSource, "postgresql");
    }
  }

  /** A new H2 database in a file of its own, as the server configures H2. */
  private static HikariDataSource h2(String name) throws IOException {
    String dir = Files.createTempDirectory("switchboard-" + name).toString();
    return TestDatabases.pool("jdbc:h2:file:" + dir + "/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH", "sa", name, 2);
  }

  /** Migrates to the newest migration below {@code version}: the schema the older server had. */
  static void migrateToJustBefore(HikariDataSource dataSource, String vendor, String version) {
    TestDatabases.flyway(dataSource, vendor).target(versionBefore(dataSource, vendor, version))
        .load().migrate();
  }

  static void migrateToLatest(HikariDataSource dataSource, String vendor) {
    TestDatabases.flyway(dataSource, vendor).load().migrate();
  }

  /** The newest migration below {@code version} (the one before it once every branch landed). */
  private static MigrationVersion versionBefore(
      HikariDataSource dataSource, String vendor, String version) {
    MigrationVersion under = MigrationVersion.fromVersion(version);
    return Arrays.stream(TestDatabases.flyway(dataSource, vendor).load().info().all())
        .map(MigrationInfo::getVersion)
        .filter(v -> v.compareTo(under) < 0)
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }
}
