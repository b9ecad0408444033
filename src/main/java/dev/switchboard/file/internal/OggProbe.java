package dev.switchboard.file.internal;

import static dev.switchboard.file.internal.FileBytes.ascii;
import static dev.switchboard.file.internal.FileBytes.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Duration of an Ogg Vorbis or Opus stream: the identification header in the first page gives
 * the sample rate (Opus always counts at 48 kHz, minus its pre-skip), and the granule position
 * of the last page is the number of samples.
 */
final class OggProbe {
  private static final int OPUS_RATE = 48_000;
  private static final int TAIL = 64 * 1024;

  private OggProbe() {}

  static Optional<AvInfo> probe(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      ByteBuffer first = read(channel, 0, 27 + 255 + 64).order(ByteOrder.LITTLE_ENDIAN);
      if (!capture(first, 0)) {
        return Optional.empty();
      }
      int packet = 27 + (first.get(26) & 0xff);
      long rate;
      long preSkip = 0;
      if (ascii(first, packet, 7).equals("\u0001vorbis")) {
        rate = first.getInt(packet + 12) & 0xffffffffL;
      } else if (ascii(first, packet, 8).equals("OpusHead")) {
        rate = OPUS_RATE;
        preSkip = first.getShort(packet + 10) & 0xffff;
      } else {
        return Optional.empty();
      }
      long granule = lastGranule(channel);
      if (rate == 0 || granule < preSkip) {
        return Optional.empty();
      }
      return Optional.of(AvInfo.audio((granule - preSkip) * 1000 / rate));
    }
  }

  /** The granule position of the last page, found by scanning back from the end. */
  private static long lastGranule(FileChannel channel) throws IOException {
    long size = channel.size();
    long from = Math.max(0, size - TAIL);
    ByteBuffer tail = read(channel, from, (int) (size - from)).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = tail.limit() - 27; i >= 0; i--) {
      if (capture(tail, i)) {
        return tail.getLong(i + 6);
      }
    }
    return -1;
  }

  private static boolean capture(ByteBuffer buffer, int at) {
    return at + 27 <= buffer.limit() && ascii(buffer, at, 4).equals("OggS") && buffer.get(at + 4) == 0;
  }
}
