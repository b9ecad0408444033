package dev.switchboard.api.files;

import java.util.Locale;
import java.util.Set;

/**
 * Types a browser would run rather than show: markup and scripts (SVG, HTML, XML and their
 * kin). Such uploads are served as attachments, never inline, and every file answer carries a
 * sandboxing {@code Content-Security-Policy}, so a file opened from its URL cannot run script in
 * the server's origin whatever its type.
 */
final class ActiveContent {
  /** No script, no plugin, no form, no fetch; images and media of the file itself only. */
  static final String POLICY = "default-src 'none'; img-src 'self'; media-src 'self'; "
      + "style-src 'unsafe-inline'; sandbox";

  private static final Set<String> ACTIVE = Set.of(
      "image/svg+xml", "text/html", "application/xhtml+xml", "text/xml", "application/xml",
      "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript",
      "application/x-shockwave-flash", "application/pdf", "text/xsl", "application/xslt+xml",
      "application/rdf+xml", "image/svg", "multipart/x-mixed-replace");

  private ActiveContent() {}

  static boolean isActive(String mimeType) {
    String type = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    String bare = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
    return ACTIVE.contains(bare) || bare.endsWith("+xml");
  }
}
