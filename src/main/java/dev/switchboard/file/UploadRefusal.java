package dev.switchboard.file;

import java.util.Locale;

/** Why an upload was refused; counted by reason ({@code switchboard.uploads.refused}). */
public enum UploadRefusal {
  /** Over {@code switchboard.files.max-size}. */
  TOO_LARGE,
  /** The content's type is not among {@code switchboard.files.allowed-types}. */
  TYPE_NOT_ALLOWED,
  /** The declared type contradicts the content. */
  TYPE_MISMATCH,
  /** Another kind of file than the endpoint takes (a picture sent as a video). */
  WRONG_KIND,
  /** Anything else about the request: no file, too many, a too long alt text. */
  INVALID_REQUEST;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
