package dev.switchboard.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.file.internal.LocalFileStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the local disk, plus its on-disk layout and hygiene. */
class LocalFileStoreIT implements FileStoreContract {
  @TempDir Path root;
  private LocalFileStore store;

  @BeforeEach
  void open() throws IOException {
    store = new LocalFileStore(root.resolve("files"));
  }

  @Override
  public FileStore store() {
    return store;
  }

  @Test
  void laysBlobsOutByTheFirstTwoBytesOfTheirKey() throws Exception {
    byte[] bytes = FileStoreContract.randomBytes(1000);
    String key = store.put(new ByteArrayInputStream(bytes)).sha256();
    Path expected = root.resolve("files").resolve(key.substring(0, 2)).resolve(key.substring(2, 4))
        .resolve(key);
    assertThat(expected).hasBinaryContent(bytes);
  }

  @Test
  void leavesNoTemporaryFileBehindWhetherAPutSucceedsOrFails() throws Exception {
    store.put(new ByteArrayInputStream(FileStoreContract.randomBytes(5000)));
    byte[] same = FileStoreContract.randomBytes(10);
    store.put(new ByteArrayInputStream(same));
    store.put(new ByteArrayInputStream(same));
    aStreamThatFailsStoresNothing();
    try (Stream<Path> temp = Files.list(root.resolve("files/tmp"))) {
      assertThat(temp).isEmpty();
    }
  }

  @Test
  void aKeyCannotReachAFileOutsideTheStore() throws Exception {
    Files.writeString(root.resolve("secret"), "do not serve");
    String[] attempts = {"../secret", "../../secret", root.resolve("secret").toString()};
    for (String attempt : attempts) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.open(attempt, null))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
