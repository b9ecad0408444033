package dev.switchboard.webhook;

/**
 * A new subscription and its signing secret: the only time the secret leaves the server.
 * {@code toString} leaves the secret out, so logging this never leaks it.
 */
public record CreatedWebhook(WebhookSubscription subscription, String secret) {
  @Override
  public String toString() {
    return "CreatedWebhook[" + subscription + ", secret=<redacted>]";
  }
}
