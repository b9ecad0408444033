package dev.switchboard.support;

/**
 * The PostgreSQL suite's switch: {@code .ci/run} creates a fresh database and passes its JDBC URL
 * as {@code -Dswitchboard.test.postgres-url}.
 */
public final class PostgresTestDatabase extends ExternalService {
  public static final String URL_PROPERTY = "switchboard.test.postgres-url";
  public static final String USER_PROPERTY = "switchboard.test.postgres-user";

  public PostgresTestDatabase() {
    super(URL_PROPERTY, "PostgreSQL");
  }

  public static String url() {
    return new PostgresTestDatabase().address();
  }

  public static String user() {
    return System.getProperty(USER_PROPERTY, "postgres");
  }
}
