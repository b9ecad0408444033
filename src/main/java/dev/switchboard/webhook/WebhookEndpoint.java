package dev.switchboard.webhook;

/**
 * What the dispatcher posts to: a subscription and its signing secret, read together for each
 * post. The secret never leaves the dispatcher; it is left out of {@link #toString()} so that a
 * log line or an assertion message cannot print it.
 */
public record WebhookEndpoint(WebhookSubscription subscription, String secret) {
  @Override
  public String toString() {
    return "WebhookEndpoint[subscription=" + subscription + ", secret=(hidden)]";
  }
}
