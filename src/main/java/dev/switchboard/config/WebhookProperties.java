package dev.switchboard.config;

import dev.switchboard.webhook.WebhookSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Everything under {@code switchboard.webhooks.*} (docs/webhooks.md); unset values take {@link
 * WebhookSettings#defaults()}.
 */
@ConfigurationProperties("switchboard.webhooks")
public record WebhookProperties(
    Boolean allowPrivateAddresses,
    Duration horizon,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration connectTimeout,
    Duration requestTimeout,
    DataSize maxResponseSize,
    Integer concurrencyPerEndpoint,
    Duration pollInterval,
    Duration lease,
    Integer batchSize,
    Integer maxPerDomain,
    Duration keepSettled) {

  WebhookSettings settings() {
    WebhookSettings d = WebhookSettings.defaults();
    return new WebhookSettings(
        allowPrivateAddresses == null ? d.allowPrivateAddresses() : allowPrivateAddresses,
        horizon == null ? d.horizon() : horizon,
        initialBackoff == null ? d.initialBackoff() : initialBackoff,
        maxBackoff == null ? d.maxBackoff() : maxBackoff,
        connectTimeout == null ? d.connectTimeout() : connectTimeout,
        requestTimeout == null ? d.requestTimeout() : requestTimeout,
        maxResponseSize == null ? d.maxResponseBytes() : (int) maxResponseSize.toBytes(),
        concurrencyPerEndpoint == null ? d.concurrencyPerEndpoint() : concurrencyPerEndpoint,
        pollInterval == null ? d.pollInterval() : pollInterval,
        lease == null ? d.lease() : lease,
        batchSize == null ? d.batchSize() : batchSize,
        maxPerDomain == null ? d.maxPerDomain() : maxPerDomain,
        keepSettled == null ? d.keepSettled() : keepSettled);
  }
}
