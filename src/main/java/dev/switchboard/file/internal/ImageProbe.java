package dev.switchboard.file.internal;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import dev.switchboard.file.GpsPosition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Picture size (from the header, without decoding pixels), EXIF camera tags as a JSON object and
 * the GPS position, kept apart from the EXIF so it can be withheld on its own.
 */
final class ImageProbe {
  /** Larger EXIF blocks (vendor junk) are dropped rather than stored. */
  static final int MAX_EXIF_JSON = 16_000;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ImageProbe() {}

  record ImageFacts(Integer width, Integer height, String exifJson, GpsPosition gps) {}

  static ImageFacts probe(Path file) throws IOException {
    int[] size = size(file);
    Metadata metadata;
    try {
      metadata = ImageMetadataReader.readMetadata(file.toFile());
    } catch (ImageProcessingException e) {
      return new ImageFacts(size == null ? null : size[0], size == null ? null : size[1], null, null);
    }
    return new ImageFacts(
        size == null ? null : size[0], size == null ? null : size[1], exif(metadata), gps(metadata));
  }

  private static int[] size(Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    }
  }

  private static String exif(Metadata metadata) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (Class<? extends Directory> type : java.util.List.of(ExifIFD0Directory.class, ExifSubIFDDirectory.class)) {
      for (Directory directory : metadata.getDirectoriesOfType(type)) {
        for (Tag tag : directory.getTags()) {
          if (tag.getDescription() != null) {
            tags.putIfAbsent(tag.getTagName(), tag.getDescription());
          }
        }
      }
    }
    if (tags.isEmpty()) {
      return null;
    }
    String json = JSON.writeValueAsString(tags);
    return json.length() <= MAX_EXIF_JSON ? json : null;
  }

  private static GpsPosition gps(Metadata metadata) {
    GpsDirectory directory = metadata.getFirstDirectoryOfType(GpsDirectory.class);
    GeoLocation location = directory == null ? null : directory.getGeoLocation();
    if (location == null || location.isZero()) {
      return null;
    }
    return new GpsPosition(location.getLatitude(), location.getLongitude());
  }
}
