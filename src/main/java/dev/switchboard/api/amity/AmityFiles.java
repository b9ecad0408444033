package dev.switchboard.api.amity;

import dev.switchboard.api.web.FileUrls;
import dev.switchboard.file.FileService;
import dev.switchboard.file.StoredFile;
import dev.switchboard.shared.Actor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code files} every Amity payload side-loads: those of the given ids the caller may read,
 * in one query. A file he may not read is simply absent, as Amity leaves out what it cannot show.
 */
@Component
public class AmityFiles {
  private final FileService files;
  private final FileUrls urls;
  private final JsonMapper json;

  public AmityFiles(FileService files, FileUrls urls, JsonMapper json) {
    this.files = files;
    this.urls = urls;
    this.json = json;
  }

  public List<AmityFileView> of(Actor actor, Collection<String> fileIds) {
    List<String> wanted = fileIds.stream().filter(Objects::nonNull).distinct().toList();
    if (wanted.isEmpty()) {
      return List.of();
    }
    Map<String, StoredFile> found = files.describeAll(actor, wanted);
    return wanted.stream().map(found::get).filter(Objects::nonNull).map(this::view).toList();
  }

  public AmityFileView view(StoredFile file) {
    return AmityFileView.of(file, urls, json);
  }
}
