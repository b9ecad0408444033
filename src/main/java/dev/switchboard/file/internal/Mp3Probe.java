package dev.switchboard.file.internal;

import static dev.switchboard.file.internal.FileBytes.ascii;
import static dev.switchboard.file.internal.FileBytes.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Duration of an MP3: after any ID3v2 tag, the first frame header tells version, layer, bitrate
 * and sample rate. A Xing/Info or VBRI header in that frame gives the exact frame count (VBR
 * files); otherwise the file is constant bitrate and the duration is audio bytes × 8 / bitrate.
 */
final class Mp3Probe {
  private static final int[][] BITRATES_KBPS = {
    {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // MPEG-1 layer I
    {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384}, // MPEG-1 layer II
    {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}, // MPEG-1 layer III
    {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256}, // MPEG-2/2.5 layer I
    {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160} // MPEG-2/2.5 layer II, III
  };
  private static final int[] SAMPLE_RATES = {44100, 48000, 32000};
  private static final int SCAN_LIMIT = 64 * 1024;

  private Mp3Probe() {}

  static Optional<AvInfo> probe(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      long start = id3v2Length(channel);
      ByteBuffer window = read(channel, start, SCAN_LIMIT);
      for (int i = 0; i + 4 <= window.limit(); i++) {
        int header = window.getInt(i);
        Frame frame = Frame.parse(header);
        if (frame != null) {
          return Optional.of(AvInfo.audio(durationMs(channel, start + i, window, i, frame)));
        }
      }
      return Optional.empty();
    }
  }

  private static long durationMs(FileChannel channel, long frameStart, ByteBuffer window, int at,
      Frame frame) throws IOException {
    int xing = at + 4 + frame.sideInfoLength();
    String tag = ascii(window, xing, 4);
    if ((tag.equals("Xing") || tag.equals("Info")) && (window.getInt(xing + 4) & 1) != 0) {
      return frames(window.getInt(xing + 8), frame);
    }
    if (ascii(window, at + 36, 4).equals("VBRI")) {
      return frames(window.getInt(at + 36 + 14), frame);
    }
    long end = channel.size();
    if (end >= 128 && ascii(read(channel, end - 128, 4), 0, 3).equals("TAG")) {
      end -= 128;
    }
    return (end - frameStart) * 8 / frame.bitrateKbps();
  }

  private static long frames(int count, Frame frame) {
    return (count & 0xffffffffL) * frame.samplesPerFrame() * 1000 / frame.sampleRate();
  }

  /** The size of a leading ID3v2 tag (header, syncsafe size and optional footer), or 0. */
  private static long id3v2Length(FileChannel channel) throws IOException {
    ByteBuffer header = read(channel, 0, 10);
    if (header.get(0) != 'I' || header.get(1) != 'D' || header.get(2) != '3') {
      return 0;
    }
    int size = 0;
    for (int i = 6; i < 10; i++) {
      size = (size << 7) | (header.get(i) & 0x7f);
    }
    boolean footer = (header.get(5) & 0x10) != 0;
    return 10L + size + (footer ? 10 : 0);
  }

  private record Frame(int version, int layer, int bitrateKbps, int sampleRate, boolean mono) {
    /** version: 1, 2 or 25 (MPEG 2.5); layer: 1..3. Null when the bits are not a frame header. */
    static Frame parse(int header) {
      if ((header >>> 21) != 0x7ff) {
        return null;
      }
      int versionBits = (header >>> 19) & 3;
      int layerBits = (header >>> 17) & 3;
      int bitrateIndex = (header >>> 12) & 0xf;
      int rateIndex = (header >>> 10) & 3;
      if (versionBits == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15
          || rateIndex == 3) {
        return null;
      }
      int version = versionBits == 3 ? 1 : versionBits == 2 ? 2 : 25;
      int layer = 4 - layerBits;
      int table = version == 1 ? layer - 1 : layer == 1 ? 3 : 4;
      int rate = SAMPLE_RATES[rateIndex] / (version == 1 ? 1 : version == 2 ? 2 : 4);
      boolean mono = ((header >>> 6) & 3) == 3;
      return new Frame(version, layer, BITRATES_KBPS[table][bitrateIndex], rate, mono);
    }

    int samplesPerFrame() {
      return layer == 1 ? 384 : layer == 2 || version == 1 ? 1152 : 576;
    }

    int sideInfoLength() {
      return version == 1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
    }
  }
}
