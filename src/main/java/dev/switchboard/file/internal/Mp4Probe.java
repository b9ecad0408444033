package dev.switchboard.file.internal;

import static dev.switchboard.file.internal.FileBytes.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Duration and picture size of MP4/M4A/MOV files from their boxes: {@code moov/mvhd} gives
 * timescale and duration, the {@code tkhd} of the first track with a picture gives width and
 * height (16.16 fixed point). Media data is skipped, never read.
 */
final class Mp4Probe {
  private Mp4Probe() {}

  static Optional<AvInfo> probe(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      Box moov = find(channel, 0, channel.size(), "moov");
      if (moov == null) {
        return Optional.empty();
      }
      Box mvhd = find(channel, moov.bodyStart(), moov.end(), "mvhd");
      if (mvhd == null) {
        return Optional.empty();
      }
      ByteBuffer header = read(channel, mvhd.bodyStart(), 32);
      int version = header.get(0);
      long timescale = version == 1 ? header.getInt(20) & 0xffffffffL : header.getInt(12) & 0xffffffffL;
      long duration = version == 1 ? header.getLong(24) : header.getInt(16) & 0xffffffffL;
      if (timescale == 0) {
        return Optional.empty();
      }
      Integer width = null;
      Integer height = null;
      for (long at = moov.bodyStart(); at < moov.end(); ) {
        Box trak = find(channel, at, moov.end(), "trak");
        if (trak == null) {
          break;
        }
        Box tkhd = find(channel, trak.bodyStart(), trak.end(), "tkhd");
        if (tkhd != null && tkhd.end() - tkhd.bodyStart() >= 84) {
          ByteBuffer size = read(channel, tkhd.end() - 8, 8);
          int w = size.getInt(0) >>> 16;
          int h = size.getInt(4) >>> 16;
          if (w > 0 && h > 0) {
            width = w;
            height = h;
            break;
          }
        }
        at = trak.end();
      }
      return Optional.of(new AvInfo(duration * 1000 / timescale, width, height));
    }
  }

  private record Box(long bodyStart, long end) {}

  /** The first box of the type among the siblings in {@code [from, to)}. */
  private static Box find(FileChannel channel, long from, long to, String type) throws IOException {
    long at = from;
    while (at + 8 <= to) {
      ByteBuffer header = read(channel, at, 16);
      long size = header.getInt(0) & 0xffffffffL;
      String name = FileBytes.ascii(header, 4, 4);
      long bodyStart = at + 8;
      if (size == 1) {
        size = header.getLong(8);
        bodyStart = at + 16;
      } else if (size == 0) {
        size = to - at;
      }
      if (size < bodyStart - at || at + size > to) {
        return null;
      }
      if (name.equals(type)) {
        return new Box(bodyStart, at + size);
      }
      at += size;
    }
    return null;
  }
}
