package dev.switchboard.config;

import dev.switchboard.shared.Ids;
import dev.switchboard.sms.BackpressurePolicy;
import dev.switchboard.sms.CarrierCallbackSecret;
import dev.switchboard.sms.CarrierEvents;
import dev.switchboard.sms.CarrierSetup;
import dev.switchboard.sms.OutboxPolicy;
import dev.switchboard.sms.SmsGateway;
import dev.switchboard.sms.SmsHousekeeping;
import dev.switchboard.sms.SmsMetrics;
import dev.switchboard.sms.SmsOutboxEntries;
import dev.switchboard.sms.SmsOutboxLoad;
import dev.switchboard.sms.SmsOutboxParts;
import dev.switchboard.sms.SmsOutboxPoller;
import dev.switchboard.sms.SmsOutboxSweeper;
import dev.switchboard.sms.SmsOutboxWorker;
import dev.switchboard.sms.SmsReceipts;
import dev.switchboard.sms.UnmatchedReceipts;
import dev.switchboard.sms.internal.HttpCarrierSettings;
import dev.switchboard.sms.internal.HttpSmsGateway;
import dev.switchboard.sms.internal.SmppGateway;
import dev.switchboard.sms.internal.SmppSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The SMS carrier, its outbox worker and settings; no carrier configured means none of them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
class SmsWiring {
  private static final Logger log = LoggerFactory.getLogger(SmsWiring.class);

  @Bean
  CarrierSetup carrierSetup(SmsProperties properties) {
    if (properties.smpp().configured()) {
      return new CarrierSetup("smpp");
    }
    if (properties.http().configured()) {
      return new CarrierSetup("http");
    }
    log.info("SMS carrier: none (set switchboard.sms.smpp.host or switchboard.sms.http.url);"
        + " SMS will be refused");
    return CarrierSetup.NONE;
  }

  @Bean
  CarrierCallbackSecret carrierCallbackSecret(SmsProperties properties) {
    return new CarrierCallbackSecret(properties.http().callbackSecret());
  }

  @Bean
  OutboxPolicy outboxPolicy(SmsProperties properties) {
    SmsProperties.Outbox outbox = properties.outbox();
    return new OutboxPolicy(outbox.pollInterval(), outbox.maxAttempts(), outbox.initialBackoff(),
        outbox.lease(), outbox.sweepInterval(), outbox.unmatchedReceiptTtl());
  }

  @Bean
  BackpressurePolicy backpressurePolicy(SmsProperties properties) {
    return new BackpressurePolicy(
        properties.backpressure().maxQueued(), properties.backpressure().maxDueWait());
  }

  @Bean
  SmsMetrics smsMetrics(MeterRegistry registry) {
    return new SmsMetrics(registry);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression(
      "'${switchboard.sms.smpp.host:}' != '' or '${switchboard.sms.http.url:}' != ''")
  static class CarrierWiring {
    /** Closed on shutdown (AutoCloseable), after the poller has stopped. */
    @Bean
    SmsGateway smsGateway(
        SmsProperties properties, CarrierEvents events, Clock clock, SmsMetrics metrics) {
      if (properties.smpp().configured()) {
        SmsProperties.Smpp smpp = properties.smpp();
        SmppSettings settings = new SmppSettings(smpp.host(), smpp.port(), smpp.systemId(),
            smpp.password(), smpp.systemType(), smpp.sourceTon().byteValue(),
            smpp.sourceNpi().byteValue(), smpp.destTon().byteValue(), smpp.destNpi().byteValue(),
            smpp.enquireLinkInterval(), smpp.reconnectMaxDelay(), smpp.bindType(), smpp.binds(),
            smpp.receiverBinds(), smpp.window(), smpp.responseTimeout());
        log.info("SMS carrier: SMPP {}", settings);
        SmppGateway gateway = new SmppGateway(settings, events, clock, metrics);
        gateway.start();
        return gateway;
      }
      SmsProperties.Http http = properties.http();
      HttpCarrierSettings settings =
          new HttpCarrierSettings(http.url(), http.apiKey(), http.timeout(), http.maxInFlight());
      log.info("SMS carrier: HTTP {}", settings);
      return new HttpSmsGateway(settings, clock, metrics);
    }

    /** Actuator component {@code smsCarrier}, one child per connection (SmsCarrierHealth). */
    @Bean
    HealthContributor smsCarrier(SmsGateway gateway) {
      return SmsCarrierHealth.of(gateway);
    }

    @Bean
    SmsOutboxWorker smsOutboxWorker(
        SmsOutboxEntries entries,
        SmsOutboxParts parts,
        SmsReceipts receipts,
        SmsGateway gateway,
        OutboxPolicy policy,
        Ids ids,
        Clock clock,
        ApplicationEventPublisher events,
        SmsMetrics metrics,
        PlatformTransactionManager transactionManager) {
      return new SmsOutboxWorker(entries, parts, receipts, gateway, policy, ids, clock, events,
          metrics, transactionManager);
    }

    @Bean
    SmsOutboxPoller smsOutboxPoller(SmsOutboxWorker worker, OutboxPolicy policy) {
      return new SmsOutboxPoller(worker, policy);
    }

    @Bean
    SmsOutboxSweeper smsOutboxSweeper(
        SmsOutboxEntries entries,
        UnmatchedReceipts unmatched,
        SmsReceipts receipts,
        OutboxPolicy policy,
        Clock clock,
        ApplicationEventPublisher events,
        SmsMetrics metrics,
        PlatformTransactionManager transactionManager) {
      return new SmsOutboxSweeper(entries, unmatched, receipts, policy, clock, events, metrics,
          transactionManager);
    }

    @Bean
    SmsHousekeeping smsHousekeeping(
        SmsOutboxLoad load, SmsOutboxSweeper sweeper, OutboxPolicy policy) {
      return new SmsHousekeeping(load, sweeper, policy);
    }
  }
}
