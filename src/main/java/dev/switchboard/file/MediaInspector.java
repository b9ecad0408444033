package dev.switchboard.file;

import dev.switchboard.file.internal.MediaProbe;
import dev.switchboard.file.internal.MimeDetector;
import dev.switchboard.shared.DomainException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decides what an uploaded file is from its bytes alone, refuses types that are not allowed or
 * that contradict what the client declared, and reads the file's media metadata.
 */
public class MediaInspector {
  /** What clients send when they do not know; it contradicts nothing. */
  private static final String UNKNOWN = "application/octet-stream";

  private final MimeDetector detector;
  private final MediaProbe probe;
  private final FileSettings settings;

  public MediaInspector(MimeDetector detector, MediaProbe probe, FileSettings settings) {
    this.detector = detector;
    this.probe = probe;
    this.settings = settings;
  }

  /**
   * @throws DomainException INVALID_ARGUMENT when the declared type disagrees with the content or
   *     the content's type is not allowed
   */
  public MediaInfo inspect(Path file, String declaredMimeType) throws IOException {
    String detected = detector.detect(file);
    String declared = declaredMimeType == null ? null : declaredMimeType.strip().toLowerCase(Locale.ROOT);
    if (declared != null && !declared.isEmpty() && !declared.startsWith(UNKNOWN)
        && !detector.agrees(declared, detected)) {
      throw RefusedUpload.invalid(UploadRefusal.TYPE_MISMATCH,
          "declared type " + declared + " does not match the file's content (" + detected + ")");
    }
    if (!detector.allowed(detected, settings.allowedTypes())) {
      throw RefusedUpload.invalid(UploadRefusal.TYPE_NOT_ALLOWED,
          "files of type " + detected + " are not accepted");
    }
    return probe.probe(file, detected);
  }
}
