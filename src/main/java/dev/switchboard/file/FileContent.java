package dev.switchboard.file;

import java.io.IOException;
import java.io.InputStream;

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

  /** The whole content, or only {@code range} when it is not null. */
  public InputStream open(ByteRange range) throws IOException {
    return store.open(sha256, range);
  }
}
