package dev.switchboard.api.files;

import dev.switchboard.file.StoredBytesUnavailable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies exactly the promised number of bytes of a download whose headers are already sent. If
 * the store fails or runs short, the copy throws {@link StoredBytesUnavailable}: the response is
 * committed, so the error handler lets it through and the servlet container closes the connection
 * instead of ending a short body as if it were complete.
 */
final class ExactCopy {
  private static final int BUFFER = 64 * 1024;

  private ExactCopy() {}

  static void copy(InputStream in, OutputStream out, long length, String fileId)
      throws IOException {
    byte[] buffer = new byte[BUFFER];
    long left = length;
    while (left > 0) {
      int n;
      try {
        n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      } catch (IOException storeFailed) {
        throw new StoredBytesUnavailable("Reading file " + fileId + " failed with "
            + left + " of " + length + " bytes still to send", storeFailed);
      }
      if (n < 0) {
        throw new StoredBytesUnavailable(
            "File " + fileId + " ended with " + left + " of " + length + " bytes still to send");
      }
      out.write(buffer, 0, n); // a client that went away fails here, as an ordinary IOException
      left -= n;
    }
  }
}
