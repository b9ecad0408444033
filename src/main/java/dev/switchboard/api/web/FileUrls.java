package dev.switchboard.api.web;

import java.util.function.Supplier;

/**
 * The public URLs of files, for every dialect's responses: {@code <base>/files/{id}} and
 * {@code <base>/files/{id}/thumbnail}. The base is {@code switchboard.public-base-url}, the
 * address clients reach the server at (behind a proxy it is not the server's own). It is looked up
 * when a URL is built, not at start-up, because its default names the port the server actually
 * bound, which is only known once it listens (port 0 picks a free one).
 */
public final class FileUrls {
  private final Supplier<String> baseUrl;

  public FileUrls(Supplier<String> baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String file(String fileId) {
    String base = baseUrl.get();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/files/" + fileId;
  }

  public String thumbnail(String fileId) {
    return file(fileId) + "/thumbnail";
  }
}
