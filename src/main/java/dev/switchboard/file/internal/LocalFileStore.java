package dev.switchboard.file.internal;

import dev.switchboard.file.BlobKeys;
import dev.switchboard.file.ByteRange;
import dev.switchboard.file.FileStore;
import dev.switchboard.file.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.NoSuchElementException;
import java.util.OptionalLong;

/**
 * Blobs on the local disk under {@code <root>/ab/cd/<sha256>}. Paths are built only from
 * validated keys, so nothing a client sends can name a file. Writes go to {@code <root>/tmp} and
 * are moved into place atomically: a reader sees a whole blob or none.
 */
public class LocalFileStore implements FileStore {
  private final Path root;
  private final Path temp;

  public LocalFileStore(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.temp = this.root.resolve("tmp");
    Files.createDirectories(temp);
  }

  @Override
  public StoredBlob put(InputStream content) throws IOException {
    try (HashingSpool spool = HashingSpool.write(content, temp, Long.MAX_VALUE)) {
      Path target = path(spool.sha256());
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        try {
          Files.move(spool.path(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException concurrentlyStored) {
          // Another upload of the same bytes won the race: its blob is ours.
        }
      }
      return new StoredBlob(spool.sha256(), spool.size());
    }
  }

  @Override
  public InputStream open(String sha256, ByteRange range) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(path(sha256));
    } catch (NoSuchFileException e) {
      throw new NoSuchElementException("no blob " + sha256);
    }
    if (range == null) {
      return Channels.newInputStream(channel);
    }
    channel.position(range.first());
    return new BoundedInputStream(Channels.newInputStream(channel), range.length());
  }

  @Override
  public OptionalLong size(String sha256) throws IOException {
    Path path = path(sha256);
    return Files.isRegularFile(path) ? OptionalLong.of(Files.size(path)) : OptionalLong.empty();
  }

  private Path path(String sha256) {
    String key = BlobKeys.require(sha256);
    Path path = root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    if (!path.normalize().startsWith(root)) {
      throw new IllegalArgumentException("not a blob key");
    }
    return path;
  }
}
