package dev.switchboard.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.file.internal.FfmpegPosterFrames;
import dev.switchboard.file.internal.MediaProbe;
import dev.switchboard.file.internal.MimeDetector;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Type detection and metadata of real (generated) files, asserted to the exact value. */
class MediaInspectorIT {
  private static final Set<String> ALLOWED =
      Set.of("image/jpeg", "image/png", "video/mp4", "audio/mp4", "audio/mpeg", "audio/ogg",
          "audio/vnd.wave", "application/pdf");

  @TempDir Path dir;

  private final MediaInspector inspector =
      new MediaInspector(new MimeDetector(),
          new MediaProbe(new FfmpegPosterFrames("switchboard-no-such-ffmpeg")),
          new FileSettings(1 << 20, ALLOWED, false, Path.of("unused")));

  private MediaInfo inspect(byte[] bytes, String declared) throws IOException {
    Path file = Files.createTempFile(dir, "sample", ".bin");
    Files.write(file, bytes);
    return inspector.inspect(file, declared);
  }

  @Test
  void pngGetsItsSizeAndAHalfSizePngThumbnail() throws Exception {
    MediaInfo info = inspect(MediaSamples.png(640, 480), "image/png");
    assertThat(info.mimeType()).isEqualTo("image/png");
    assertThat(info.kind()).isEqualTo(FileKind.IMAGE);
    assertThat(info.width()).isEqualTo(640);
    assertThat(info.height()).isEqualTo(480);
    assertThat(info.thumbnail().mimeType()).isEqualTo("image/png");
    var thumbnail = ImageIO.read(new ByteArrayInputStream(info.thumbnail().bytes()));
    assertThat(thumbnail.getWidth()).isEqualTo(320);
    assertThat(thumbnail.getHeight()).isEqualTo(240);
  }

  @Test
  void jpegGivesExifAndGpsSeparatelyAndAJpegThumbnail() throws Exception {
    MediaInfo info = inspect(MediaSamples.jpegWithGps(1000, 500), null);
    assertThat(info.mimeType()).isEqualTo("image/jpeg");
    assertThat(info.width()).isEqualTo(1000);
    assertThat(info.height()).isEqualTo(500);
    assertThat(info.gps()).isEqualTo(new GpsPosition(52.5, 13.41));
    assertThat(info.exifJson()).contains("\"Make\":\"Switchboard\"")
        .contains("2024:01:15 10:30:00").doesNotContainIgnoringCase("gps").doesNotContain("52");
    var thumbnail = ImageIO.read(new ByteArrayInputStream(info.thumbnail().bytes()));
    assertThat(info.thumbnail().mimeType()).isEqualTo("image/jpeg");
    assertThat(thumbnail.getWidth()).isEqualTo(320);
    assertThat(thumbnail.getHeight()).isEqualTo(160);
  }

  @Test
  void smallPicturesAreNotEnlarged() throws Exception {
    MediaInfo info = inspect(MediaSamples.jpeg(100, 50), "image/jpeg");
    assertThat(info.gps()).isNull();
    assertThat(info.thumbnail().width()).isEqualTo(100);
    assertThat(info.thumbnail().height()).isEqualTo(50);
  }

  @Test
  void mp4DurationAndPictureSizeComeFromItsBoxes() throws Exception {
    MediaInfo info = inspect(MediaSamples.mp4(), "video/mp4");
    assertThat(info.mimeType()).isEqualTo("video/mp4");
    assertThat(info.kind()).isEqualTo(FileKind.VIDEO);
    assertThat(info.durationMs()).isEqualTo(2500);
    assertThat(info.width()).isEqualTo(640);
    assertThat(info.height()).isEqualTo(360);
    assertThat(info.thumbnail()).as("no ffmpeg configured").isNull();
  }

  @Test
  void m4aIsAudioWithADuration() throws Exception {
    MediaInfo info = inspect(MediaSamples.m4a(), null);
    assertThat(info.mimeType()).isEqualTo("audio/mp4");
    assertThat(info.durationMs()).isEqualTo(3000);
    assertThat(info.width()).isNull();
  }

  @Test
  void mp3DurationByXingFrameCountOrConstantBitrate() throws Exception {
    MediaInfo vbr = inspect(MediaSamples.mp3(100, true), "audio/mpeg");
    assertThat(vbr.mimeType()).isEqualTo("audio/mpeg");
    assertThat(vbr.durationMs()).isEqualTo(100L * 1152 * 1000 / 44100); // 2612
    MediaInfo cbr = inspect(MediaSamples.mp3(100, false), "audio/mpeg");
    assertThat(cbr.durationMs()).isEqualTo(100L * 417 * 8 / 128); // 2606
  }

  @Test
  void oggDurationFromTheLastGranulePosition() throws Exception {
    MediaInfo vorbis = inspect(MediaSamples.oggVorbis(), "audio/ogg");
    assertThat(vorbis.mimeType()).isEqualTo("audio/vorbis");
    assertThat(vorbis.durationMs()).isEqualTo(4500);
    MediaInfo opus = inspect(MediaSamples.oggOpus(), "audio/ogg");
    assertThat(opus.mimeType()).isEqualTo("audio/opus");
    assertThat(opus.durationMs()).isEqualTo(2000);
  }

  @Test
  void wavDurationFromDataSizeAndByteRate() throws Exception {
    MediaInfo info = inspect(MediaSamples.wav(), "audio/wav");
    assertThat(info.mimeType()).isEqualTo("audio/vnd.wave");
    assertThat(info.kind()).isEqualTo(FileKind.AUDIO);
    assertThat(info.durationMs()).isEqualTo(1500);
  }

  @Test
  void pdfIsAPlainFile() throws Exception {
    MediaInfo info = inspect(MediaSamples.pdf(), "application/octet-stream");
    assertThat(info.mimeType()).isEqualTo("application/pdf");
    assertThat(info.kind()).isEqualTo(FileKind.FILE);
    assertThat(info.thumbnail()).isNull();
    assertThat(info.durationMs()).isNull();
  }

  @Test
  void aDeclaredTypeThatContradictsTheBytesIsRefused() {
    assertThatThrownBy(() -> inspect(MediaSamples.png(10, 10), "image/jpeg"))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.details()).singleElement().asString()
              .contains("image/jpeg").contains("image/png");
        });
    assertThatThrownBy(() -> inspect(MediaSamples.pdf(), "image/png"))
        .isInstanceOf(DomainException.class);
  }

  @Test
  void aTypeThatIsNotAllowedIsRefusedWhateverItClaims() {
    byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes();
    assertThatThrownBy(() -> inspect(html, null))
        .isInstanceOfSatisfying(DomainException.class, e ->
            assertThat(e.details()).singleElement().asString().contains("text/html"));
  }
}
