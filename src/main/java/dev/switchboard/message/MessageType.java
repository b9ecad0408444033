package dev.switchboard.message;

import dev.switchboard.file.FileKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum MessageType {
  TEXT,
  IMAGE,
  VIDEO,
  AUDIO,
  FILE,
  /** A structured JSON payload of the client's own design (Amity "custom"). */
  CUSTOM,
  /** An image with clickable areas (Amity "imagemap"); the areas live in the data payload. */
  IMAGEMAP,
  /** Written by the wallet module when credits move between users; never posted directly. */
  CREDIT_TRANSFER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether messages of this type carry an uploaded file. */
  public boolean carriesFile() {
    return this == IMAGE || this == VIDEO || this == AUDIO || this == FILE;
  }

  /**
   * Whether a file of the detected kind may be sent as this type: an image message must carry an
   * image, and so on; a "file" message may carry anything.
   */
  public boolean accepts(FileKind kind) {
    return switch (this) {
      case IMAGE -> kind == FileKind.IMAGE;
      case VIDEO -> kind == FileKind.VIDEO;
      case AUDIO -> kind == FileKind.AUDIO;
      case FILE -> true;
      case TEXT, CUSTOM, IMAGEMAP, CREDIT_TRANSFER -> false;
    };
  }

  public static Optional<MessageType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
  }
}
