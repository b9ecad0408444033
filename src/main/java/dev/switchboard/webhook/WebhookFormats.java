package dev.switchboard.webhook;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The faces' formats by face; a face without one (its dialect absent) gets no subscriptions. */
public class WebhookFormats {
  private final Map<WebhookFace, WebhookFormat> byFace = new EnumMap<>(WebhookFace.class);

  public WebhookFormats(List<WebhookFormat> formats) {
    formats.forEach(f -> byFace.put(f.face(), f));
  }

  public Optional<WebhookFormat> of(WebhookFace face) {
    return Optional.ofNullable(byFace.get(face));
  }
}
