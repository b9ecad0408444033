package dev.switchboard.api.web;

/**
 * The public URLs of files, for every dialect's responses: {@code <base>/files/{id}} and
 * {@code <base>/files/{id}/thumbnail}. The base is {@code switchboard.public-base-url}, the
 * address clients reach the server at (behind a proxy it is not the server's own).
 */
public final class FileUrls {
  private final String baseUrl;

  public FileUrls(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String file(String fileId) {
    return baseUrl + "/files/" + fileId;
  }

  public String thumbnail(String fileId) {
    return file(fileId) + "/thumbnail";
  }
}
