package dev.switchboard.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Posts one signed event: the address is checked against a fresh resolution first (SSRF),
 * redirects are never followed (a 3xx is a failure), connect and whole-request timeouts apply,
 * and at most {@code maxResponseBytes} of the answer are read before the rest is dropped.
 */
public class WebhookPoster {
  private final HttpClient http;
  private final WebhookSettings settings;
  private final WebhookTargets targets;

  public WebhookPoster(WebhookSettings settings) {
    this.settings = settings;
    this.targets = new WebhookTargets(settings.allowPrivateAddresses());
    this.http = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(settings.connectTimeout())
        .build();
  }

  public PostOutcome post(String url, String id, long timestampSeconds, String body, String secret) {
    URI uri;
    try {
      uri = WebhookTargets.parse(url);
    } catch (RuntimeException e) {
      return PostOutcome.failed("invalid URL");
    }
    Optional<String> refused = targets.refusal(uri);
    if (refused.isPresent()) {
      return PostOutcome.failed(refused.get());
    }
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(settings.requestTimeout())
        .header("Content-Type", "application/json")
        .header("User-Agent", "Switchboard-Webhooks/1")
        .header("webhook-id", id)
        .header("webhook-timestamp", Long.toString(timestampSeconds))
        .header("webhook-signature", WebhookSignature.sign(secret, id, timestampSeconds, body))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        // Read no more than the bound; closing the stream drops whatever else the endpoint sends.
        in.readNBytes(settings.maxResponseBytes());
      }
      return PostOutcome.answered(response.statusCode());
    } catch (HttpTimeoutException e) {
      return PostOutcome.failed("timed out");
    } catch (IOException e) {
      return PostOutcome.failed("connection failed: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PostOutcome.failed("interrupted");
    }
  }
}
