package dev.switchboard.file.internal;

import dev.switchboard.file.FileKind;
import dev.switchboard.file.MediaInfo;
import dev.switchboard.file.Thumbnail;
import dev.switchboard.shared.DomainException;
import java.io.IOException;
import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a file of a detected type can tell: picture size, EXIF, GPS and a thumbnail for
 * images; duration (and size) for audio and video, by parsing the container in plain Java. A file
 * whose headers cannot be parsed is still accepted, just without those numbers.
 */
public final class MediaProbe {
  private static final Logger log = LoggerFactory.getLogger(MediaProbe.class);
  private static final Set<String> MP4_FAMILY =
      Set.of("video/mp4", "audio/mp4", "video/quicktime", "video/x-m4v", "audio/x-m4a", "video/3gpp");
  private static final Set<String> OGG_FAMILY =
      Set.of("audio/ogg", "audio/vorbis", "audio/opus", "video/ogg", "application/ogg");

  private final FfmpegPosterFrames ffmpeg;

  public MediaProbe(FfmpegPosterFrames ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  public MediaInfo probe(Path file, String mimeType) throws IOException {
    if (FileKind.of(mimeType) == FileKind.IMAGE && decodable(mimeType)) {
      return image(file, mimeType);
    }
    try {
      return switch (FileKind.of(mimeType)) {
        case AUDIO, VIDEO -> audioVideo(file, mimeType);
        case IMAGE -> imageAsSent(file, mimeType);
        case FILE -> bare(mimeType);
      };
    } catch (RuntimeException malformed) {
      log.debug("Unparsable {} headers; stored without metadata", mimeType, malformed);
      return bare(mimeType);
    }
  }

  /**
   * A picture must decode: a truncated file, or a polyglot that only starts like a picture (a
   * GIF header before a script), is refused rather than stored and served as an image. Pictures
   * too large to decode safely are kept without a thumbnail, as before.
   */
  private MediaInfo image(Path file, String mimeType) {
    try {
      ImageProbe.ImageFacts facts = ImageProbe.probe(file);
      if (facts.width() == null) {
        throw undecodable(mimeType);
      }
      Thumbnail thumbnail = ImageThumbnails.of(file, mimeType, facts.width(), facts.height());
      return new MediaInfo(mimeType, facts.width(), facts.height(), null, facts.exifJson(),
          facts.gps(), thumbnail);
    } catch (IOException | RuntimeException malformed) {
      if (malformed instanceof DomainException refused) {
        throw refused;
      }
      log.debug("Undecodable {} refused", mimeType, malformed);
      throw undecodable(mimeType);
    }
  }

  /** A picture the JDK cannot decode: what its metadata says, no thumbnail. */
  private static MediaInfo imageAsSent(Path file, String mimeType) throws IOException {
    ImageProbe.ImageFacts facts = ImageProbe.probe(file);
    return new MediaInfo(mimeType, facts.width(), facts.height(), null, facts.exifJson(),
        facts.gps(), null);
  }

  /** Types the JDK can decode (PNG, JPEG, GIF, BMP ...); others (WebP, SVG) are kept as sent. */
  private static boolean decodable(String mimeType) {
    return ImageIO.getImageReadersByMIMEType(mimeType).hasNext();
  }

  private static DomainException undecodable(String mimeType) {
    return DomainException.invalid("the file is not a valid " + mimeType + " picture");
  }

  private MediaInfo audioVideo(Path file, String mimeType) throws IOException {
    AvInfo av = container(file, mimeType).orElse(new AvInfo(null, null, null));
    boolean video = FileKind.of(mimeType) == FileKind.VIDEO;
    Thumbnail poster = video ? ffmpeg.posterFrame(file).orElse(null) : null;
    return new MediaInfo(mimeType, video ? av.width() : null, video ? av.height() : null,
        av.durationMs(), null, null, poster);
  }

  private static Optional<AvInfo> container(Path file, String mimeType) throws IOException {
    if (MP4_FAMILY.contains(mimeType)) {
      return Mp4Probe.probe(file);
    }
    if (OGG_FAMILY.contains(mimeType)) {
      return OggProbe.probe(file);
    }
    return switch (mimeType) {
      case "audio/mpeg" -> Mp3Probe.probe(file);
      case "audio/vnd.wave", "audio/wav", "audio/x-wav" -> WavProbe.probe(file);
      default -> Optional.empty();
    };
  }

  private static MediaInfo bare(String mimeType) {
    return new MediaInfo(mimeType, null, null, null, null, null, null);
  }
}
