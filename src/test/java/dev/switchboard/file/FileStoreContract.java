package dev.switchboard.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What every {@link FileStore} must do, run against the local disk and a real S3 server. */
public interface FileStoreContract {
  FileStore store();

  static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size * 31L + System.nanoTime()).nextBytes(bytes);
    return bytes;
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static byte[] read(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  @Test
  default void storesBytesUnderTheirSha256AndReadsThemBack() throws Exception {
    byte[] bytes = randomBytes(200_000);
    StoredBlob blob = store().put(new ByteArrayInputStream(bytes));
    assertThat(blob.sha256()).isEqualTo(sha256(bytes));
    assertThat(blob.size()).isEqualTo(bytes.length);
    assertThat(store().exists(blob.sha256())).isTrue();
    assertThat(store().size(blob.sha256())).hasValue(bytes.length);
    assertThat(read(store().open(blob.sha256(), null))).isEqualTo(bytes);
  }

  @Test
  default void theSameBytesTwiceAreOneBlob() throws Exception {
    byte[] bytes = randomBytes(10_000);
    StoredBlob first = store().put(new ByteArrayInputStream(bytes));
    StoredBlob second = store().put(new ByteArrayInputStream(bytes.clone()));
    assertThat(second).isEqualTo(first);
    assertThat(read(store().open(first.sha256(), null))).isEqualTo(bytes);
  }

  @Test
  default void storesAnEmptyBlob() throws Exception {
    StoredBlob blob = store().put(new ByteArrayInputStream(new byte[0]));
    assertThat(blob.sha256())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(store().size(blob.sha256())).hasValue(0);
  }

  @Test
  default void readsAByteRangeExactly() throws Exception {
    byte[] bytes = randomBytes(70_000);
    String key = store().put(new ByteArrayInputStream(bytes)).sha256();
    assertThat(read(store().open(key, new ByteRange(0, 0)))).containsExactly(bytes[0]);
    assertThat(read(store().open(key, new ByteRange(1000, 65_999))))
        .isEqualTo(Arrays.copyOfRange(bytes, 1000, 66_000));
    assertThat(read(store().open(key, new ByteRange(69_990, 69_999))))
        .isEqualTo(Arrays.copyOfRange(bytes, 69_990, 70_000));
  }

  @Test
  default void anUnknownKeyDoesNotExist() throws Exception {
    String unknown = sha256(randomBytes(32));
    assertThat(store().exists(unknown)).isFalse();
    assertThat(store().size(unknown)).isEmpty();
    assertThatThrownBy(() -> store().open(unknown, null)).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  default void refusesEveryKeyThatIsNotASha256() {
    for (String key :
        List.of(
            "../../../../etc/passwd",
            "..%2F..%2Fetc%2Fpasswd",
            "/etc/passwd",
            "ab/cd/../../../x",
            "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855/..",
            "")) {
      assertThatThrownBy(() -> store().open(key, null)).as(key)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store().size(key)).as(key)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  default void aStreamThatFailsStoresNothing() throws Exception {
    byte[] bytes = randomBytes(100_000);
    InputStream failing =
        new InputStream() {
          private int position;

          @Override
          public int read() throws IOException {
            if (position == 50_000) {
              throw new IOException("client went away");
            }
            return bytes[position++] & 0xff;
          }
        };
    assertThatThrownBy(() -> store().put(failing)).isInstanceOf(IOException.class);
    assertThat(store().exists(sha256(Arrays.copyOf(bytes, 50_000)))).isFalse();
  }
}
