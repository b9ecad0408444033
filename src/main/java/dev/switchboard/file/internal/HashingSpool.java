package dev.switchboard.file.internal;

import dev.switchboard.file.RefusedUpload;
import dev.switchboard.file.UploadRefusal;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Copies a stream into a fresh temporary file while hashing and counting it, so a blob's key is
 * known the moment its last byte is written. A stream longer than the limit is refused as soon as
 * the limit is passed, and whatever failed leaves no temporary file behind.
 */
public final class HashingSpool implements AutoCloseable {
  private static final int BUFFER = 64 * 1024;

  private final Path path;
  private final String sha256;
  private final long size;

  private HashingSpool(Path path, String sha256, long size) {
    this.path = path;
    this.sha256 = sha256;
    this.size = size;
  }

  /**
   * @throws DomainException PAYLOAD_TOO_LARGE when the stream holds more than {@code maxBytes}
   */
  public static HashingSpool write(InputStream in, Path dir, long maxBytes) throws IOException {
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "upload-", ".part");
    try {
      MessageDigest digest = newDigest();
      long total = 0;
      byte[] buffer = new byte[BUFFER];
      try (OutputStream out = Files.newOutputStream(temp)) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          total += n;
          if (total > maxBytes) {
            throw new RefusedUpload(UploadRefusal.TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE,
                "File is larger than " + maxBytes + " bytes", List.of());
          }
          digest.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      return new HashingSpool(temp, HexFormat.of().formatHex(digest.digest()), total);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  public Path path() {
    return path;
  }

  public String sha256() {
    return sha256;
  }

  public long size() {
    return size;
  }

  /** Deletes the temporary file unless it was moved away. */
  @Override
  public void close() throws IOException {
    Files.deleteIfExists(path);
  }
}
