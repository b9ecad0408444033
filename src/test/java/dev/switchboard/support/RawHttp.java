package dev.switchboard.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: for requests a well-behaved client
 * library refuses to send (raw bytes in the path, oversized headers, bodies that never come).
 */
public final class RawHttp {
  /** A response: status, headers (lower-case names) and body. */
  public record Answer(int status, Map<String, String> headers, String body) {
    public String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  private RawHttp() {}

  /** Sends {@code head} (request line and headers, without the blank line) and {@code body}. */
  public static Answer send(int port, String head, byte[] body) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return read(socket.getInputStream());
    }
  }

  public static Answer get(int port, String rawTarget, String... headers) throws IOException {
    return send(port, "GET " + rawTarget + " HTTP/1.1" + lines(headers), null);
  }

  public static String lines(String... headers) {
    StringBuilder all = new StringBuilder();
    for (String header : headers) {
      all.append("\r\n").append(header);
    }
    return all.toString();
  }

  /**
   * Reads one response: to the end of its announced length or last chunk (the server may keep
   * the connection open, e.g. while it discards a body it never read), else to end of stream.
   */
  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        all.write(buffer, 0, n);
        if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
          break;
        }
      }
    } catch (java.net.SocketException reset) {
      // The server may close while we still send; what it answered before counts.
    }
    // Byte for byte (ISO-8859-1) until the body is cut out, then read as UTF-8.
    String text = all.toString(StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    Map<String, String> headers = headers(end < 0 ? text : text.substring(0, end));
    int status = Integer.parseInt(text.substring(0, text.indexOf("\r\n")).split(" ")[1]);
    String body = end < 0 ? "" : text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Answer(
        status,
        headers,
        new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
  }

  private static boolean complete(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    Map<String, String> headers = headers(text.substring(0, end));
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      return body.endsWith("0\r\n\r\n");
    }
    String length = headers.get("content-length");
    return length != null && body.length() >= Integer.parseInt(length);
  }

  private static Map<String, String> headers(String head) {
    String[] headLines = head.split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < headLines.length; i++) {
      int colon = headLines[i].indexOf(':');
      if (colon > 0) {
        headers.put(headLines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            headLines[i].substring(colon + 1).trim());
      }
    }
    return headers;
  }

  private static String unchunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    return body.toString();
  }
}
