package dev.switchboard.config;

import dev.switchboard.conversation.Conversations;
import dev.switchboard.feed.ChangeLog;
import dev.switchboard.shared.Ids;
import dev.switchboard.user.UserService;
import dev.switchboard.webhook.RetrySchedule;
import dev.switchboard.webhook.WebhookDeliveries;
import dev.switchboard.webhook.WebhookDispatcher;
import dev.switchboard.webhook.WebhookFormat;
import dev.switchboard.webhook.WebhookFormats;
import dev.switchboard.webhook.WebhookMetrics;
import dev.switchboard.webhook.WebhookPoller;
import dev.switchboard.webhook.WebhookPoster;
import dev.switchboard.webhook.WebhookRecorder;
import dev.switchboard.webhook.WebhookService;
import dev.switchboard.webhook.WebhookSettings;
import dev.switchboard.webhook.WebhookSubscriptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The webhook outbox: recorder (in each transaction), dispatcher, poller, service, meters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookWiring {
  @Bean
  WebhookSettings webhookSettings(WebhookProperties properties) {
    return properties.settings();
  }

  @Bean
  WebhookFormats webhookFormats(List<WebhookFormat> formats) {
    return new WebhookFormats(formats);
  }

  @Bean
  WebhookMetrics webhookMetrics(
      MeterRegistry registry, WebhookDeliveries deliveries, WebhookSubscriptions subscriptions) {
    WebhookMetrics metrics = new WebhookMetrics(registry);
    metrics.state(deliveries, subscriptions);
    return metrics;
  }

  @Bean
  WebhookRecorder webhookRecorder(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries,
      WebhookFormats formats, Conversations conversations, Ids ids, Clock clock,
      WebhookMetrics metrics) {
    return new WebhookRecorder(
        subscriptions, deliveries, formats, conversations, ids, clock, metrics);
  }

  @Bean
  WebhookService webhookService(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries,
      WebhookFormats formats, WebhookSettings settings, UserService users, Ids ids, Clock clock) {
    return new WebhookService(subscriptions, deliveries, formats, settings, users, ids, clock);
  }

  @Bean
  WebhookDispatcher webhookDispatcher(WebhookDeliveries deliveries,
      WebhookSubscriptions subscriptions, WebhookFormats formats, ChangeLog changeLog,
      WebhookSettings settings, Ids ids, Clock clock, WebhookMetrics metrics,
      PlatformTransactionManager transactions) {
    RetrySchedule schedule = new RetrySchedule(settings.initialBackoff(), settings.maxBackoff(),
        () -> ThreadLocalRandom.current().nextDouble());
    return new WebhookDispatcher(deliveries, subscriptions, formats, changeLog,
        new WebhookPoster(settings), settings, schedule, ids, clock, metrics,
        new TransactionTemplate(transactions));
  }

  @Bean
  WebhookPoller webhookPoller(WebhookDispatcher dispatcher, WebhookRecorder recorder,
      WebhookDeliveries deliveries,
      WebhookSettings settings, Clock clock) {
    return new WebhookPoller(dispatcher, recorder, deliveries, settings, clock);
  }
}
