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
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
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
   * The container allocates these message buffers for every connection up front. Both gateways
   * take messages in parts (the realtime gateway assembles text frames up to 64 KB, the MQTT
   * decoder binary packets), so a buffer only sets the part size. At 8 K characters the text
   * buffer alone was 16 KB of every idle connection.
   */
  private static final int TEXT_BUFFER_CHARS = 1024;
  private static final int BINARY_BUFFER_BYTES = 1024;
  /**
   * Tomcat gives every connection a socket read and a write buffer and every WebSocket an input,
   * an output and an encoder buffer, 8 KB each by default: 40 KB an idle connection. At 4 KB a
   * realtime frame (well under 4 KB) still goes out in one write.
   */
  private static final String CONNECTION_BUFFER_BYTES = "4096";
  private static final String WEBSOCKET_BUFFER_PROPERTY =
      "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

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

  /** Smaller per-connection buffers (see {@link #CONNECTION_BUFFER_BYTES}); -D overrides. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallConnectionBuffers() {
    return factory -> {
      // Tomcat reads it once, when its WebSocket classes load: the server starts after this.
      if (System.getProperty(WEBSOCKET_BUFFER_PROPERTY) == null) {
        System.setProperty(WEBSOCKET_BUFFER_PROPERTY, CONNECTION_BUFFER_BYTES);
      }
      factory.addConnectorCustomizers(connector -> {
        connector.setProperty("socket.appReadBufSize", CONNECTION_BUFFER_BYTES);
        connector.setProperty("socket.appWriteBufSize", CONNECTION_BUFFER_BYTES);
      });
    };
  }

  @Bean
  ServletServerContainerFactoryBean webSocketContainer() {
    ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
    container.setMaxTextMessageBufferSize(TEXT_BUFFER_CHARS);
    container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
    return container;
  }
}
