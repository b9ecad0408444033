package dev.switchboard.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.backup.internal.JdbcDatabaseBackups;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.h2.tools.Restore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code JdbcDatabaseBackups}: the embedded database is copied while in use, and the copy holds
 * what was committed before it; any other database says it has no such backup.
 */
interface BackupContract extends StorageContract {
  DataSource dataSource();

  @Test
  default void theEmbeddedDatabaseIsCopiedWhileInUseAndOthersHaveNoOnlineBackup(@TempDir Path dir)
      throws Exception {
    var backups = new JdbcDatabaseBackups(dataSource());
    String tenant = rows().tenant();
    boolean embedded;
    try (Connection connection = dataSource().getConnection()) {
      embedded = connection.getMetaData().getURL().startsWith("jdbc:h2:");
    }
    Path zip = dir.resolve("backup.zip");
    assertThat(backups.supported()).isEqualTo(embedded);
    if (!embedded) {
      assertThatThrownBy(() -> backups.backUpTo(zip)).isInstanceOf(IllegalStateException.class);
      return;
    }

    backups.backUpTo(zip);
    String database;
    try (ZipFile file = new ZipFile(zip.toFile())) {
      database = file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".mv.db")).findFirst()
          .orElseThrow().replace(".mv.db", "");
    }
    Path restored = dir.resolve("restored");
    Restore.execute(zip.toString(), restored.toString(), database);
    try (Connection copy = DriverManager.getConnection(
            "jdbc:h2:file:" + restored.resolve(database) + ";DATABASE_TO_LOWER=TRUE", "sa", "");
        PreparedStatement find = copy.prepareStatement("SELECT name FROM tenants WHERE id = ?")) {
      find.setString(1, tenant);
      try (ResultSet rs = find.executeQuery()) {
        assertThat(rs.next()).as("the copy holds the domain made just before").isTrue();
        assertThat(rs.getString(1)).isEqualTo("t-" + tenant);
      }
    }
  }
}
