package dev.switchboard.support.openapi;

/** One HTTP exchange an integration test made, as the OpenAPI check needs it. */
public record RecordedExchange(
    int port, String method, String path, int status, String contentType, String body, String test) {

  @Override
  public String toString() {
    return method + " " + path + " -> " + status + (contentType == null ? "" : " " + contentType);
  }
}
