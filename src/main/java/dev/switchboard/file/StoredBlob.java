package dev.switchboard.file;

/** A blob in the {@link FileStore}: its content key and size in bytes. */
public record StoredBlob(String sha256, long size) {}
