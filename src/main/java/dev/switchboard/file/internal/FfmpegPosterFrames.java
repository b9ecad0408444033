package dev.switchboard.file.internal;

import dev.switchboard.file.Thumbnail;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video's first frame as its thumbnail, through {@code ffmpeg} when it is installed. Whether it
 * is, is checked once at start-up and said once in the log; without it videos simply have no
 * thumbnail. ffmpeg reads only the local staged file ({@code -protocol_whitelist file}, so a
 * crafted playlist cannot make it fetch anything) and is killed after {@link #TIMEOUT}.
 */
public final class FfmpegPosterFrames {
  static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final Logger log = LoggerFactory.getLogger(FfmpegPosterFrames.class);

  private final String executable;
  private final boolean available;

  public FfmpegPosterFrames(String executable) {
    this.executable = executable;
    this.available = runs(List.of(executable, "-hide_banner", "-version"));
    if (available) {
      log.info("ffmpeg found: videos get a poster-frame thumbnail");
    } else {
      log.info("ffmpeg is not on the PATH: videos are stored without a thumbnail");
    }
  }

  public boolean available() {
    return available;
  }

  /** The first frame, scaled to a thumbnail; empty when ffmpeg is absent or fails. */
  public Optional<Thumbnail> posterFrame(Path video) {
    if (!available) {
      return Optional.empty();
    }
    Path frame = null;
    try {
      frame = Files.createTempFile(video.getParent(), "poster-", ".png");
      List<String> command =
          List.of(executable, "-nostdin", "-hide_banner", "-loglevel", "error",
              "-protocol_whitelist", "file", "-i", video.toAbsolutePath().toString(),
              "-frames:v", "1", "-f", "image2", "-c:v", "png", "-y", frame.toString());
      if (!runs(command)) {
        return Optional.empty();
      }
      BufferedImage image = ImageIO.read(frame.toFile());
      return image == null ? Optional.empty() : Optional.of(ImageThumbnails.of(image));
    } catch (IOException e) {
      log.debug("No poster frame for {}", video, e);
      return Optional.empty();
    } finally {
      deleteQuietly(frame);
    }
  }

  private static boolean runs(List<String> command) {
    Process process = null;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        log.debug("Could not delete {}", path, e);
      }
    }
  }
}
