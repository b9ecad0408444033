package dev.switchboard.file.internal;

import dev.switchboard.file.Thumbnail;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Thumbnails of at most {@link Thumbnail#MAX_SIDE} px on the longest side, never enlarged. Formats
 * that may be transparent get a PNG, everything else a JPEG. Pictures whose header claims more
 * than {@link #MAX_PIXELS} pixels are not decoded at all (decompression bombs).
 */
final class ImageThumbnails {
  static final long MAX_PIXELS = 40_000_000L;
  private static final Set<String> MAY_BE_TRANSPARENT = Set.of("image/png", "image/gif");

  private ImageThumbnails() {}

  static Thumbnail of(Path file, String mimeType, int width, int height) throws IOException {
    if ((long) width * height > MAX_PIXELS) {
      return null;
    }
    // From the file, so that Thumbnailator turns the picture as its EXIF orientation says.
    return encode(
        Thumbnails.of(file.toFile()).scale(factor(width, height)),
        MAY_BE_TRANSPARENT.contains(mimeType));
  }

  /** A JPEG thumbnail of a decoded picture (a video's poster frame). */
  static Thumbnail of(BufferedImage image) throws IOException {
    return encode(
        Thumbnails.of(image).scale(factor(image.getWidth(), image.getHeight())), false);
  }

  private static double factor(int width, int height) {
    return Math.min(1.0, (double) Thumbnail.MAX_SIDE / Math.max(width, height));
  }

  private static Thumbnail encode(Thumbnails.Builder<?> builder, boolean png) throws IOException {
    if (!png) {
      builder.imageType(BufferedImage.TYPE_INT_RGB);
    }
    BufferedImage scaled = builder.asBufferedImage();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(scaled, png ? "png" : "jpg", out);
    return new Thumbnail(
        out.toByteArray(), png ? "image/png" : "image/jpeg", scaled.getWidth(), scaled.getHeight());
  }
}
