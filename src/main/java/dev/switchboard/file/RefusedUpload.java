package dev.switchboard.file;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import java.util.List;

/** An upload refused for a known {@link UploadRefusal}; rendered like any domain failure. */
public class RefusedUpload extends DomainException {
  private final UploadRefusal refusal;

  public RefusedUpload(UploadRefusal refusal, ErrorCode code, String message, List<String> details) {
    super(code, message, details);
    this.refusal = refusal;
  }

  /** An INVALID_ARGUMENT refusal, worded like {@link DomainException#invalid}. */
  public static RefusedUpload invalid(UploadRefusal refusal, String detail) {
    return new RefusedUpload(refusal, ErrorCode.INVALID_ARGUMENT, "Validation failed", List.of(detail));
  }

  public UploadRefusal refusal() {
    return refusal;
  }
}
