package dev.switchboard.sms.internal;

import java.net.URI;
import java.time.Duration;

/**
 * Where an HTTP carrier takes SMS, and the key it wants in {@code Authorization: Bearer}.
 * {@link #toString()} hides the key, so the settings can be logged.
 *
 * @param maxInFlight how many requests may be waiting for the carrier's answer at once
 */
public record HttpCarrierSettings(URI url, String apiKey, Duration timeout, int maxInFlight) {
  public HttpCarrierSettings {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("max-in-flight must be at least 1");
    }
  }

  @Override
  public String toString() {
    return "HttpCarrierSettings[url=" + url + ", apiKey=***, timeout=" + timeout
        + ", maxInFlight=" + maxInFlight + "]";
  }
}
