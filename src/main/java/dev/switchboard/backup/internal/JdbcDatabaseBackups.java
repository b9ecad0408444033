package dev.switchboard.backup.internal;

import dev.switchboard.backup.DatabaseBackups;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** H2's {@code BACKUP TO}: a consistent zip of the database files, taken while in use. */
public class JdbcDatabaseBackups implements DatabaseBackups {
  private final DataSource dataSource;

  public JdbcDatabaseBackups(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public boolean supported() {
    try (Connection connection = dataSource.getConnection()) {
      return "H2".equals(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database", e);
    }
  }

  @Override
  public void backUpTo(Path zip) {
    // BACKUP takes a literal: the path is the server's own (data dir + timestamp), quotes doubled.
    String file = zip.toAbsolutePath().toString().replace("'", "''");
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("BACKUP TO '" + file + "'");
    } catch (SQLException e) {
      throw new IllegalStateException("The backup to " + zip + " failed", e);
    }
  }
}
