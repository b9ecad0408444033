package dev.switchboard.file;

/**
 * A file's record exists but its stored bytes are missing, of another length than recorded, or
 * unreadable: the database and the file store disagree (a partial restore, a lost disk). A
 * server fault, never the caller's: it is logged, and the download is refused before any byte.
 */
public class StoredBytesUnavailable extends RuntimeException {
  public StoredBytesUnavailable(String message) {
    super(message);
  }

  public StoredBytesUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
