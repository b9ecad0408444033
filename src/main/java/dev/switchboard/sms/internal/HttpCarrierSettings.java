package dev.switchboard.sms.internal;

import java.net.URI;
import java.time.Duration;

/**
 * Where an HTTP carrier takes SMS, and the key it wants in {@code Authorization: Bearer}.
 * {@link #toString()} hides the key, so the settings can be logged.
 */
public record HttpCarrierSettings(URI url, String apiKey, Duration timeout) {
  @Override
  public String toString() {
    return "HttpCarrierSettings[url=" + url + ", apiKey=***, timeout=" + timeout + "]";
  }
}
