package dev.switchboard.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.NoSuchElementException;

/**
 * A file (or its thumbnail) the actor may read: what to say about it before any byte is sent, and
 * how to open all or part of it. Opening is separate so that a conditional request (ETag) or an
 * unsatisfiable range costs no read at all.
 *
 * @param sha256 the content key, also a strong validator (the bytes never change under it)
 * @param size the full size in bytes
 * @param fileName the name to offer for download
 */
public record FileContent(
    StoredFile file, String sha256, long size, String mimeType, String fileName, FileStore store) {

  public AccessType accessType() {
    return file.accessType();
  }

  /**
   * The whole content, or only {@code range} when it is not null, once the store has confirmed
   * it holds all of it: a download must fail before its headers promise a length it cannot keep.
   *
   * @throws StoredBytesUnavailable when the bytes are missing, of another length or unreadable
   */
  public InputStream open(ByteRange range) {
    try {
      long stored = store.size(sha256).orElseThrow(() -> unavailable("missing", null));
      if (stored != size) {
        throw unavailable(stored + " bytes where " + size + " were recorded", null);
      }
      return store.open(sha256, range);
    } catch (IOException | NoSuchElementException e) {
      throw unavailable("unreadable", e);
    }
  }

  private StoredBytesUnavailable unavailable(String why, Exception cause) {
    return new StoredBytesUnavailable(
        "The stored bytes of file " + file.id() + " (" + sha256 + ") are unusable: " + why, cause);
  }
}
