package dev.switchboard.file.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/** Positional reads for the container probes; past the end the buffer stays zero-filled. */
final class FileBytes {
  private FileBytes() {}

  static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) <= 0) {
        break;
      }
    }
    return buffer.clear();
  }

  /** {@code length} bytes at {@code at} as Latin-1 text (a box or chunk tag), or "" past the end. */
  static String ascii(ByteBuffer buffer, int at, int length) {
    if (at < 0 || at + length > buffer.limit()) {
      return "";
    }
    return new String(buffer.array(), at, length, StandardCharsets.ISO_8859_1);
  }
}
