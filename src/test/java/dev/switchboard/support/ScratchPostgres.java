package dev.switchboard.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A database of its own on the PostgreSQL server the suite was given, created and dropped. */
public final class ScratchPostgres implements AutoCloseable {
  private final String name;

  private ScratchPostgres(String name) {
    this.name = name;
  }

  public static ScratchPostgres create(String prefix) throws SQLException {
    ScratchPostgres database = new ScratchPostgres(prefix + "_" + Long.toHexString(System.nanoTime()));
    database.admin("CREATE DATABASE " + database.name);
    return database;
  }

  /** Its JDBC URL. */
  public String url() {
    String server = PostgresTestDatabase.url();
    return server.substring(0, server.lastIndexOf('/') + 1) + name;
  }

  /** Its libpq URL (pg_dump, psql), with the suite's user. */
  public String libpqUrl() {
    return url().replaceFirst("^jdbc:postgresql://", "postgresql://" + PostgresTestDatabase.user() + "@");
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), PostgresTestDatabase.user(), "");
  }

  @Override
  public void close() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void admin(String sql) throws SQLException {
    try (Connection admin = DriverManager.getConnection(
        PostgresTestDatabase.url(), PostgresTestDatabase.user(), "")) {
      admin.createStatement().execute(sql);
    }
  }
}
