package dev.switchboard.file;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Small, real media files built byte by byte, so every expected number is known exactly: no
 * binary blobs in the repository.
 */
public final class MediaSamples {
  private MediaSamples() {}

  public static byte[] png(int width, int height) {
    return image(width, height, "png", BufferedImage.TYPE_INT_ARGB);
  }

  public static byte[] jpeg(int width, int height) {
    return image(width, height, "jpg", BufferedImage.TYPE_INT_RGB);
  }

  private static byte[] image(int width, int height, String format, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLUE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A JPEG whose EXIF (APP1, big-endian TIFF) says Make "Switchboard", a DateTimeOriginal, and GPS
   * 52° 30′ 0″ N, 13° 24′ 36″ E, that is 52.5, 13.41.
   */
  public static byte[] jpegWithGps(int width, int height) {
    byte[] jpeg = jpeg(width, height);
    ByteBuffer tiff = ByteBuffer.allocate(400).order(ByteOrder.BIG_ENDIAN);
    tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
    // IFD0 at 8: Make, ExifIFD pointer, GPS pointer (12 bytes each) + next-IFD 0.
    int ifd0 = 8;
    int exifIfd = ifd0 + 2 + 3 * 12 + 4; // 50
    int gpsIfd = exifIfd + 2 + 12 + 4; // 68
    int data = gpsIfd + 2 + 4 * 12 + 4; // 122
    tiff.putShort((short) 3);
    entry(tiff, 0x010F, 2, 12, data); // Make "Switchboard\0"
    entry(tiff, 0x8769, 4, 1, exifIfd);
    entry(tiff, 0x8825, 4, 1, gpsIfd);
    tiff.putInt(0);
    tiff.putShort((short) 1);
    entry(tiff, 0x9003, 2, 20, data + 12); // DateTimeOriginal
    tiff.putInt(0);
    tiff.putShort((short) 4);
    tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
    entry(tiff, 2, 5, 3, data + 32);
    tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
    entry(tiff, 4, 5, 3, data + 56);
    tiff.putInt(0);
    tiff.put("Switchboard\0".getBytes(StandardCharsets.US_ASCII));
    tiff.put("2024:01:15 10:30:00\0".getBytes(StandardCharsets.US_ASCII));
    for (int value : new int[] {52, 30, 0, 13, 24, 36}) {
      tiff.putInt(value).putInt(1);
    }
    int tiffLength = tiff.position();
    ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + tiffLength);
    app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiffLength));
    app1.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array(), 0, tiffLength);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.writeBytes(app1.array());
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static void entry(ByteBuffer tiff, int tag, int type, int count, int valueOrOffset) {
    tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
  }

  /** An MP4 ({@code isom}) of 2.5 s (mvhd timescale 1000, duration 2500) with a 640×360 track. */
  public static byte[] mp4() {
    return isoMedia("isom", 1000, 2500, 640, 360);
  }

  /** An M4A of 3 s at a 44.1 kHz timescale, no picture. */
  public static byte[] m4a() {
    return isoMedia("M4A ", 44100, 44100 * 3, 0, 0);
  }

  private static byte[] isoMedia(String brand, int timescale, int duration, int width, int height) {
    ByteBuffer mvhd = ByteBuffer.allocate(100);
    mvhd.putInt(0).putInt(0).putInt(0).putInt(timescale).putInt(duration);
    ByteBuffer tkhd = ByteBuffer.allocate(84);
    tkhd.putInt(0).putInt(0).putInt(0).putInt(1).putInt(0).putInt(duration);
    tkhd.position(76);
    tkhd.putInt(width << 16).putInt(height << 16);
    byte[] trak = box("trak", box("tkhd", tkhd.array()));
    byte[] moov = box("moov", concat(box("mvhd", mvhd.array()), trak));
    ByteBuffer ftyp = ByteBuffer.allocate(16);
    ftyp.put(brand.getBytes(StandardCharsets.US_ASCII)).putInt(0)
        .put("isom".getBytes(StandardCharsets.US_ASCII)).put(brand.getBytes(StandardCharsets.US_ASCII));
    return concat(box("ftyp", ftyp.array()), box("mdat", new byte[4000]), moov);
  }

  private static byte[] box(String type, byte[] body) {
    return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length)
        .put(type.getBytes(StandardCharsets.US_ASCII)).put(body).array();
  }

  /**
   * An MP3 after a 100-byte ID3v2 tag: {@code frames} MPEG-1 layer III frames, 128 kb/s, 44.1 kHz,
   * 417 bytes each; with {@code xing} the first frame carries a Xing header with the frame count.
   */
  public static byte[] mp3(int frames, boolean xing) {
    ByteBuffer out = ByteBuffer.allocate(10 + 100 + frames * 417);
    out.put("ID3".getBytes(StandardCharsets.US_ASCII)).put((byte) 3).put((byte) 0).put((byte) 0);
    out.put(new byte[] {0, 0, 0, 100});
    out.position(110);
    for (int i = 0; i < frames; i++) {
      int start = out.position();
      out.putInt(0xFFFB9000);
      if (i == 0 && xing) {
        out.position(start + 36);
        out.put("Xing".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(frames);
      }
      out.position(start + 417);
    }
    return out.array();
  }

  /** Ogg Vorbis, 44.1 kHz, whose last page's granule position is 4.5 s of samples. */
  public static byte[] oggVorbis() {
    ByteBuffer id = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
    id.put((byte) 1).put("vorbis".getBytes(StandardCharsets.US_ASCII)).putInt(0).put((byte) 2)
        .putInt(44100);
    return concat(oggPage(2, 0, id.array()), oggPage(0, 44100L * 3, new byte[200]),
        oggPage(4, 44100L * 9 / 2, new byte[100]));
  }

  /** Ogg Opus with a pre-skip of 312 samples and 2 s of audio after it (48 kHz granules). */
  public static byte[] oggOpus() {
    ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
    head.put("OpusHead".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 2)
        .putShort((short) 312).putInt(48000);
    return concat(oggPage(2, 0, head.array()), oggPage(4, 312 + 96_000, new byte[150]));
  }

  private static byte[] oggPage(int type, long granule, byte[] packet) {
    ByteBuffer page = ByteBuffer.allocate(27 + 1 + packet.length).order(ByteOrder.LITTLE_ENDIAN);
    page.put("OggS".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) type)
        .putLong(granule).putInt(0x5eed).putInt(0).putInt(0).put((byte) 1)
        .put((byte) packet.length).put(packet);
    return page.array();
  }

  /** PCM WAV, mono 16-bit 8 kHz (16,000 bytes a second), 24,000 data bytes: 1.5 s. */
  public static byte[] wav() {
    ByteBuffer wav = ByteBuffer.allocate(44 + 24_000).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 24_000)
        .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
        .putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16_000)
        .putShort((short) 2).putShort((short) 16)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(24_000);
    return wav.array();
  }

  public static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
