package dev.switchboard.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.ZipFile;
import org.h2.tools.Restore;

/**
 * {@code java -jar switchboard.jar restore-h2 --backup <zip> [--data-dir <dir>]}: puts an
 * online backup ({@code POST /admin/v1/backups}) back as the data directory's embedded database,
 * with the server stopped. The database it replaces is kept beside it
 * ({@code switchboard.mv.db.replaced}), never deleted.
 */
public final class RestoreCommand {
  private static final String DATABASE = "switchboard";
  private static final String FILE = DATABASE + ".mv.db";

  private final PrintStream out;
  private final PrintStream err;

  public RestoreCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public int run(List<String> args) {
    Path backup = null;
    Path dataDir = Path.of("data");
    for (int i = 0; i + 1 < args.size(); i += 2) {
      switch (args.get(i)) {
        case "--backup" -> backup = Path.of(args.get(i + 1));
        case "--data-dir" -> dataDir = Path.of(args.get(i + 1));
        default -> backup = null;
      }
    }
    if (backup == null || args.size() % 2 != 0) {
      err.println("usage: restore-h2 --backup <backup zip> [--data-dir <data dir, default ./data>]");
      return 2;
    }
    Path db = dataDir.resolve("db");
    try {
      if (!holdsDatabase(backup)) {
        err.println("restore-h2: " + backup + " is not a Switchboard backup (no " + FILE + " in it)");
        return 1;
      }
      Files.createDirectories(db);
      Path current = db.resolve(FILE);
      if (Files.exists(current)) {
        if (inUse(current)) {
          err.println("restore-h2: the database is in use: stop the server first");
          return 1;
        }
        Files.move(current, db.resolve(FILE + ".replaced"), StandardCopyOption.REPLACE_EXISTING);
      }
      Restore.execute(backup.toString(), db.toString(), DATABASE);
      out.println("Restored " + current + " from " + backup);
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("restore-h2: failed: " + e);
      return 1;
    }
  }

  private static boolean holdsDatabase(Path backup) throws IOException {
    try (ZipFile zip = new ZipFile(backup.toFile())) {
      return zip.getEntry(FILE) != null;
    }
  }

  /** A running server holds an exclusive lock on its database file. */
  private static boolean inUse(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    }
  }
}
