package dev.switchboard.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A schema of its own in the suite's PostgreSQL database, created and dropped with everything in
 * it: a test that needs an empty schema (its own migrations, its own counts) without a database
 * of its own. Its URL makes it the connections' current schema, as a server configured with
 * {@code currentSchema} would use it.
 */
public final class ScratchSchema implements AutoCloseable {
  private final String name;

  private ScratchSchema(String name) {
    this.name = name;
  }

  public static ScratchSchema create(String prefix) throws SQLException {
    ScratchSchema schema = new ScratchSchema(prefix + "_" + Long.toHexString(System.nanoTime()));
    admin("CREATE SCHEMA " + schema.name);
    return schema;
  }

  /** The suite's database URL with this schema as the current one. */
  public String url() {
    String url = PostgresTestDatabase.url();
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
  }

  @Override
  public void close() throws SQLException {
    admin("DROP SCHEMA IF EXISTS " + name + " CASCADE");
  }

  private static void admin(String sql) throws SQLException {
    try (Connection admin = DriverManager.getConnection(
        PostgresTestDatabase.url(), PostgresTestDatabase.user(), "")) {
      admin.createStatement().execute(sql);
    }
  }
}
