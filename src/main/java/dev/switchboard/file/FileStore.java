package dev.switchboard.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * Content-addressed blob storage: a blob's key is the SHA-256 of its bytes (64 lowercase hex), so
 * the same bytes are stored once. Keys are computed by the store, never taken from a client;
 * reading with anything but a well-formed key fails.
 */
public interface FileStore {
  /** Stores the stream's bytes (hashing while writing) and returns their key and size. */
  StoredBlob put(InputStream content) throws IOException;

  /**
   * Opens a blob, or the bytes of {@code range} only when it is not null.
   *
   * @throws java.util.NoSuchElementException when no blob has this key
   */
  InputStream open(String sha256, ByteRange range) throws IOException;

  /** The blob's size in bytes, empty when it does not exist. */
  OptionalLong size(String sha256) throws IOException;

  default boolean exists(String sha256) throws IOException {
    return size(sha256).isPresent();
  }
}
