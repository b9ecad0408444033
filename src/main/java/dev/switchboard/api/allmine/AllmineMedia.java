package dev.switchboard.api.allmine;

import dev.switchboard.api.allmine.AllmineDtos.MediaView;
import dev.switchboard.api.web.FileUrls;
import dev.switchboard.file.FileService;
import dev.switchboard.file.StoredFile;
import dev.switchboard.message.Message;
import dev.switchboard.shared.Actor;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The documented {@code media} objects of a batch of messages, read in one query. A file the
 * caller may not read renders as no media rather than failing the whole page.
 */
@Component
class AllmineMedia {
  private final FileService files;
  private final FileUrls urls;

  AllmineMedia(FileService files, FileUrls urls) {
    this.files = files;
    this.urls = urls;
  }

  /** Media objects by file id. */
  Map<String, MediaView> of(Actor actor, Collection<Message> messages) {
    var fileIds = messages.stream().map(Message::fileId).filter(Objects::nonNull).toList();
    if (fileIds.isEmpty()) {
      return Map.of();
    }
    return files.describeAll(actor, fileIds).values().stream()
        .collect(Collectors.toMap(StoredFile::id, this::view));
  }

  /** Seconds, as the documented example shows ({@code "duration": 60}), rounded. */
  private MediaView view(StoredFile file) {
    return new MediaView(
        urls.file(file.id()),
        file.kind().name().toLowerCase(Locale.ROOT),
        file.name(),
        file.size(),
        file.durationMs() == null ? null : Math.round(file.durationMs() / 1000.0),
        file.width(),
        file.height(),
        file.hasThumbnail() ? urls.thumbnail(file.id()) : null);
  }
}
