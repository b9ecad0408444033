package dev.switchboard.backup;

import java.nio.file.Path;
import java.time.Instant;

/** An online backup of the embedded database: a zip file, readable by its owner only. */
public record Backup(Path file, long bytes, Instant createdAt) {}
