package dev.switchboard.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.file.internal.FfmpegPosterFrames;
import dev.switchboard.file.internal.MediaProbe;
import dev.switchboard.file.internal.MimeDetector;
import dev.switchboard.support.FfmpegOnPath;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A real video, made by ffmpeg itself, gets a poster-frame thumbnail through the real ffmpeg. */
@ExtendWith(FfmpegOnPath.class)
class FfmpegPosterFramesIT {
  @TempDir Path dir;

  private final FfmpegPosterFrames ffmpeg = new FfmpegPosterFrames("ffmpeg");
  private final MediaInspector inspector =
      new MediaInspector(new MimeDetector(), new MediaProbe(ffmpeg),
          new FileSettings(1 << 24, Set.of("video/mp4"), false, dir));

  /** Two seconds of ffmpeg's test pattern, 640×360 at 10 frames a second, MPEG-4 in MP4. */
  private Path testVideo() throws Exception {
    Path video = dir.resolve("pattern.mp4");
    Process process = new ProcessBuilder(List.of("ffmpeg", "-nostdin", "-hide_banner",
            "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=duration=2:size=640x360:rate=10",
            "-c:v", "mpeg4", "-pix_fmt", "yuv420p", "-y", video.toString()))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    return video;
  }

  @Test
  void aRealVideoGetsItsFirstFrameAsAThumbnailBesideItsContainerMetadata() throws Exception {
    assertThat(ffmpeg.available()).isTrue();
    Path video = testVideo();

    MediaInfo info = inspector.inspect(video, "video/mp4");

    assertThat(info.mimeType()).isEqualTo("video/mp4");
    assertThat(info.width()).isEqualTo(640);
    assertThat(info.height()).isEqualTo(360);
    assertThat(info.durationMs()).isEqualTo(2000);
    assertThat(info.thumbnail()).isNotNull();
    var poster = ImageIO.read(new ByteArrayInputStream(info.thumbnail().bytes()));
    assertThat(poster.getWidth()).isEqualTo(320);
    assertThat(poster.getHeight()).isEqualTo(180);
    try (var left = Files.list(dir)) {
      assertThat(left.filter(p -> p.getFileName().toString().startsWith("poster-")))
          .as("the extracted frame is deleted").isEmpty();
    }
  }

  @Test
  void aFileFfmpegCannotDecodeSimplyHasNoPoster() throws Exception {
    Path broken = dir.resolve("broken.mp4");
    Files.write(broken, MediaSamples.mp4());
    assertThat(ffmpeg.posterFrame(broken)).isEmpty();
  }
}
