package dev.switchboard.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {
  @Test
  void keepsOnlyADisplayableBaseName() {
    assertThat(FileNames.sanitize("../../etc/passwd", "file")).isEqualTo("passwd");
    assertThat(FileNames.sanitize("C:\\Users\\me\\cat.png", "file")).isEqualTo("cat.png");
    assertThat(FileNames.sanitize("a\u0000b\r\nc<>.txt", "file")).isEqualTo("abc.txt");
    assertThat(FileNames.sanitize("..", "file")).isEqualTo("file");
    assertThat(FileNames.sanitize(".hidden", "file")).isEqualTo("hidden");
    assertThat(FileNames.sanitize(null, "file")).isEqualTo("file");
    assertThat(FileNames.sanitize("x".repeat(500) + ".jpeg", "file"))
        .hasSize(FileNames.MAX_LENGTH).endsWith(".jpeg");
  }
}
