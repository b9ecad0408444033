package dev.switchboard.backup;

import dev.switchboard.shared.DomainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Online backups of the embedded H2 database into {@code <data dir>/backups}, while the server
 * serves: {@code switchboard-<UTC time>.zip}, which {@code restore-h2} puts back (see
 * docs/operations.md). Uploaded files are not in it: they are immutable blobs, copied as they are.
 */
public class BackupService {
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final DatabaseBackups database;
  private final Path directory;
  private final Clock clock;

  public BackupService(DatabaseBackups database, Path dataDir, Clock clock) {
    this.database = database;
    this.directory = dataDir.resolve("backups");
    this.clock = clock;
  }

  public Backup create() {
    if (!database.supported()) {
      throw DomainException.conflict("Online backups are made by the server for its embedded H2"
          + " database only; back up PostgreSQL with pg_dump (docs/operations.md)");
    }
    Instant now = clock.instant();
    Path file = directory.resolve("switchboard-" + NAME.format(now) + ".zip");
    try {
      Files.createDirectories(directory);
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
      if (Files.exists(file)) {
        throw DomainException.conflict("A backup was made this second already: " + file);
      }
      database.backUpTo(file);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return new Backup(file, Files.size(file), now);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the backup " + file, e);
    }
  }
}
