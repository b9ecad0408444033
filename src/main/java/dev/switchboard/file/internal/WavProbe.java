package dev.switchboard.file.internal;

import static dev.switchboard.file.internal.FileBytes.ascii;
import static dev.switchboard.file.internal.FileBytes.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;

/** Duration of a RIFF/WAVE file: the {@code data} chunk's size over the byte rate in {@code fmt }. */
final class WavProbe {
  private WavProbe() {}

  static Optional<AvInfo> probe(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file)) {
      ByteBuffer riff = read(channel, 0, 12);
      if (!ascii(riff, 0, 4).equals("RIFF") || !ascii(riff, 8, 4).equals("WAVE")) {
        return Optional.empty();
      }
      long byteRate = 0;
      long size = channel.size();
      for (long at = 12; at + 8 <= size; ) {
        ByteBuffer chunk = read(channel, at, 20).order(ByteOrder.LITTLE_ENDIAN);
        String id = ascii(chunk, 0, 4);
        long length = chunk.getInt(4) & 0xffffffffL;
        if (id.equals("fmt ")) {
          byteRate = chunk.getInt(8 + 8) & 0xffffffffL;
        } else if (id.equals("data")) {
          // A streamed WAV may say 0 or 0xFFFFFFFF: the data then runs to the end of the file.
          long available = size - at - 8;
          long data = length == 0 || length > available ? available : length;
          return byteRate == 0 ? Optional.empty() : Optional.of(AvInfo.audio(data * 1000 / byteRate));
        }
        at += 8 + length + (length & 1);
      }
      return Optional.empty();
    }
  }
}
