package dev.switchboard.metrics;

import dev.switchboard.file.FileUploaded;
import dev.switchboard.file.StoredFile;
import dev.switchboard.file.UploadRefused;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Uploads stored, by kind of file ({@code switchboard.uploads}, {@code switchboard.upload.bytes}),
 * counted once their record committed; and uploads refused, by reason
 * ({@code switchboard.uploads.refused}: too_large, type_not_allowed, type_mismatch, wrong_kind,
 * invalid_request).
 */
@Component
public class UploadMetrics {
  private final MeterRegistry registry;

  public UploadMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @TransactionalEventListener
  void stored(FileUploaded event) {
    StoredFile file = event.file();
    String kind = file.kind().name().toLowerCase(Locale.ROOT);
    Counters.add(registry, "switchboard.uploads", "Files uploaded and stored", "kind", kind, 1);
    Counters.add(registry, "switchboard.upload.bytes", "Bytes of the files uploaded and stored",
        "kind", kind, file.size());
  }

  @EventListener
  void refused(UploadRefused event) {
    Counters.add(registry, "switchboard.uploads.refused", "Uploads refused, by reason",
        "reason", event.refusal().key(), 1);
  }
}
