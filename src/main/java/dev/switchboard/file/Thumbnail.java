package dev.switchboard.file;

/** A small preview image (JPEG or PNG, at most {@link #MAX_SIDE} px on its longest side). */
public record Thumbnail(byte[] bytes, String mimeType, int width, int height) {
  public static final int MAX_SIDE = 320;
}
