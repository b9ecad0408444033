package dev.switchboard.file.internal;

import dev.switchboard.file.FileKind;
import dev.switchboard.file.MediaInfo;
import dev.switchboard.file.Thumbnail;
import java.io.IOException;
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
    try {
      return switch (FileKind.of(mimeType)) {
        case IMAGE -> image(file, mimeType);
        case AUDIO, VIDEO -> audioVideo(file, mimeType);
        case FILE -> bare(mimeType);
      };
    } catch (RuntimeException malformed) {
      log.debug("Unparsable {} headers; stored without metadata", mimeType, malformed);
      return bare(mimeType);
    }
  }

  private MediaInfo image(Path file, String mimeType) throws IOException {
    ImageProbe.ImageFacts facts = ImageProbe.probe(file);
    Thumbnail thumbnail =
        facts.width() == null
            ? null
            : ImageThumbnails.of(file, mimeType, facts.width(), facts.height());
    return new MediaInfo(mimeType, facts.width(), facts.height(), null, facts.exifJson(),
        facts.gps(), thumbnail);
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
