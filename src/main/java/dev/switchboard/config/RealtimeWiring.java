package dev.switchboard.config;

import dev.switchboard.access.TokenService;
import dev.switchboard.conversation.ConversationService;
import dev.switchboard.feed.ChangeLog;
import dev.switchboard.realtime.ChangeFeed;
import dev.switchboard.realtime.Faces;
import dev.switchboard.realtime.RealtimeProperties;
import dev.switchboard.realtime.RetentionJob;
import dev.switchboard.realtime.bus.RealtimeBus;
import dev.switchboard.realtime.bus.RedisBus;
import dev.switchboard.realtime.bus.SingleNodeBus;
import dev.switchboard.realtime.gateway.RealtimeGateway;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(RealtimeProperties.class)
class RealtimeWiring {
  private static final Logger log = LoggerFactory.getLogger(RealtimeWiring.class);
  /**
   * The container allocates these buffers for every connection up front. Text frames larger
   * than the buffer arrive in parts that the gateway assembles (up to 64 KB per frame); binary
   * frames are refused anyway.
   */
  private static final int TEXT_BUFFER_CHARS = 8 * 1024;
  private static final int BINARY_BUFFER_BYTES = 1024;

  @Bean(destroyMethod = "close")
  RealtimeBus realtimeBus(
      SwitchboardProperties properties,
      RealtimeProperties realtime,
      JsonMapper json,
      Clock clock,
      MeterRegistry meters) {
    RealtimeBus bus;
    if (properties.redisUrl() == null) {
      bus = new SingleNodeBus();
    } else {
      log.info("Realtime fan-out through Redis");
      bus = new RedisBus(properties.redisUrl(), json, clock, meters, realtime.busRetryMax());
    }
    Gauge.builder("switchboard.realtime.bus.connected", bus, b -> b.connected() ? 1 : 0)
        .description("1 while this node's changes reach the other nodes through the bus")
        .tag("kind", bus.kind())
        .register(meters);
    return bus;
  }

  /** Actuator component {@code realtimeBus}: DEGRADED, not DOWN, while Redis is away. */
  @Bean
  HealthContributor realtimeBusHealthContributor(RealtimeBus bus) {
    return RealtimeBusHealth.of(bus);
  }

  @Bean(destroyMethod = "close")
  RealtimeGateway realtimeGateway(
      RealtimeProperties properties,
      TokenService tokens,
      ConversationService conversations,
      ChangeFeed feed,
      Faces faces,
      JsonMapper json,
      MeterRegistry meters,
      Clock clock) {
    return new RealtimeGateway(properties, tokens, conversations, feed, faces, json, meters, clock);
  }

  @Bean
  @ConditionalOnProperty("switchboard.realtime.retention")
  RetentionJob retentionJob(ChangeLog changeLog, RealtimeProperties properties, Clock clock) {
    return new RetentionJob(changeLog, properties, clock);
  }

  @Bean
  ServletServerContainerFactoryBean webSocketContainer() {
    ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
    container.setMaxTextMessageBufferSize(TEXT_BUFFER_CHARS);
    container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
    return container;
  }
}
