package dev.switchboard.access.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A secret generated once into the data directory, readable by the owner only. Creation is
 * atomic (CREATE_NEW), so two nodes starting together on one data directory agree on one value.
 */
public final class SecretFile {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private SecretFile() {}

  /**
   * Returns the stored secret, or generates, stores and announces one via {@code onCreated}.
   */
  public static String loadOrCreate(
      Path file, Supplier<String> generator, Consumer<String> onCreated) {
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      String secret = generator.get();
      try {
        createOwnerOnly(file);
      } catch (FileAlreadyExistsException raced) {
        return read(file);
      }
      Files.writeString(file, secret, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
      onCreated.accept(secret);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create secret file " + file, e);
    }
  }

  private static String read(Path file) throws IOException {
    String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (secret.isEmpty()) {
      throw new IllegalStateException("Secret file " + file + " is empty; delete it to regenerate");
    }
    return secret;
  }

  /** The permissions are set at creation, so the secret is never readable by others. */
  private static void createOwnerOnly(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } else {
      Files.createFile(file);
    }
  }
}
