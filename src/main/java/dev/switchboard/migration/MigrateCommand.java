package dev.switchboard.migration;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/**
 * {@code java -jar switchboard.jar migrate --from <data dir or jdbc url> --to <jdbc url>}: moves
 * all of a Switchboard's data to another database (typically from the embedded H2 in a data
 * directory to PostgreSQL). Run it with the server stopped. A data directory stands for its
 * embedded database, opened as the server opens it. Options {@code --from-user}, {@code --to-user}; passwords come from
 * {@code --from-password}/{@code --to-password} or, kept off the command line, from the
 * environment ({@code SWITCHBOARD_MIGRATE_FROM_PASSWORD}, {@code SWITCHBOARD_MIGRATE_TO_PASSWORD}).
 */
public final class MigrateCommand {
  /** As in application.yml's spring.flyway.locations, with {vendor} resolved here. */
  private static final String COMMON_MIGRATIONS = "classpath:db/migration/common";
  /** As application.yml's spring.datasource.url, for a data directory. */
  private static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;USER=sa;PASSWORD=";

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> environment;

  public MigrateCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.environment = environment;
  }

  /** Runs the command; returns the process exit code. */
  public int run(List<String> args) {
    Map<String, String> options;
    try {
      options = options(args);
    } catch (IllegalArgumentException e) {
      err.println("migrate: " + e.getMessage());
      err.println("usage: migrate --from <data dir or jdbc url> --to <data dir or jdbc url>"
          + " [--from-user U] [--to-user U]"
          + " [--from-password P] [--to-password P]");
      return 2;
    }
    Database from = database(options, "from");
    Database to = database(options, "to");
    try (Connection source = from.connect(); Connection target = to.connect()) {
      if (!hasSchema(source)) {
        err.println("migrate: the source database holds no Switchboard schema: " + from.shown());
        return 1;
      }
      if (hasSchema(target)) {
        err.println("migrate: the target database already holds a Switchboard schema; give an"
            + " empty database: " + to.shown());
        return 1;
      }
      out.println("Bringing both schemas to this version's migrations");
      from.flyway().migrate();
      to.flyway().migrate();
      out.println("Copying " + from.shown() + " -> " + to.shown());
      Map<String, Long> copied = new DataMigration(out).copy(source, target);
      long rows = copied.values().stream().mapToLong(Long::longValue).sum();
      out.printf("Done: %,d rows in %d tables%n", rows, copied.size());
      return 0;
    } catch (SQLException | RuntimeException e) {
      err.println("migrate: failed, the target is unchanged: " + e);
      return 1;
    }
  }

  private static boolean hasSchema(Connection connection) throws SQLException {
    try (ResultSet tables = connection.getMetaData()
        .getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (tables.next()) {
        if (tables.getString("TABLE_NAME").equalsIgnoreCase(SchemaTables.FLYWAY_HISTORY)) {
          return true;
        }
      }
    }
    return false;
  }

  private Database database(Map<String, String> options, String side) {
    String password = options.get(side + "-password");
    if (password == null) {
      password = environment.get("SWITCHBOARD_MIGRATE_" + side.toUpperCase() + "_PASSWORD");
    }
    String location = options.get(side);
    String url = location.startsWith("jdbc:")
        ? location
        : "jdbc:h2:file:" + Path.of(location).toAbsolutePath().normalize().resolve("db/switchboard")
            + H2_OPTIONS;
    return new Database(url, options.get(side + "-user"), password);
  }

  private static Map<String, String> options(List<String> args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      String name = args.get(i);
      if (!name.startsWith("--") || i + 1 >= args.size()) {
        throw new IllegalArgumentException("expected --option value pairs, got " + name);
      }
      options.put(name.substring(2), args.get(i + 1));
    }
    for (String required : List.of("from", "to")) {
      if (options.get(required) == null) {
        throw new IllegalArgumentException("--" + required + " is required");
      }
    }
    return options;
  }

  private record Database(String url, String user, String password) {
    /** The URL without any password it holds, for messages. */
    String shown() {
      return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    Connection connect() throws SQLException {
      Properties properties = new Properties();
      if (user != null) {
        properties.setProperty("user", user);
      }
      if (password != null) {
        properties.setProperty("password", password);
      }
      return DriverManager.getConnection(url, properties);
    }

    Flyway flyway() {
      return Flyway.configure()
          .dataSource(url, user, password)
          .locations(COMMON_MIGRATIONS, "classpath:db/migration/" + vendor())
          .load();
    }

    private String vendor() {
      if (url.startsWith("jdbc:h2:")) {
        return "h2";
      }
      if (url.startsWith("jdbc:postgresql:")) {
        return "postgresql";
      }
      throw new IllegalArgumentException("Only H2 and PostgreSQL are supported: " + url);
    }
  }
}
