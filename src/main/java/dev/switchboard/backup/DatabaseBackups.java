package dev.switchboard.backup;

import java.nio.file.Path;

/** The database's own online backup, where it has one the server can run. */
public interface DatabaseBackups {
  /** Whether {@link #backUpTo} works on this database (H2 yes; PostgreSQL: use pg_dump). */
  boolean supported();

  /** Writes a consistent copy of the whole database, while it is in use, into {@code zip}. */
  void backUpTo(Path zip);
}
