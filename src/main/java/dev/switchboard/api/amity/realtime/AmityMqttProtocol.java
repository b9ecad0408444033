package dev.switchboard.api.amity.realtime;

import dev.switchboard.access.TokenService;
import dev.switchboard.realtime.ChangeFeed;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.user.UserService;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.socket.CloseStatus;

/**
 * The MQTT 3.1.1 server side of one connection, packet by packet, on its drain task: CONNECT
 * (username = the user's internal id, password = an access token), SUBSCRIBE (QoS 0 for the
 * topics the user may read, 0x80 for the rest), UNSUBSCRIBE, PINGREQ, DISCONNECT. Clients may not
 * publish: their QoS 0 publishes are dropped, QoS 1 acknowledged and dropped (§3.3.5), QoS 2
 * ends the connection. Anything else before CONNECT, or a second CONNECT, ends it (§3.1.0).
 */
final class AmityMqttProtocol {
  static final int MQTT_3_1_1 = 4;
  private static final MqttMessage PINGRESP =
      new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0));

  private final TokenService tokens;
  private final UserService users;
  private final ChangeFeed feed;
  private final AmityMqttGateway gateway;

  AmityMqttProtocol(TokenService tokens, UserService users, ChangeFeed feed, AmityMqttGateway gateway) {
    this.tokens = tokens;
    this.users = users;
    this.feed = feed;
    this.gateway = gateway;
  }

  void onBytes(AmityMqttConnection connection, byte[] bytes) {
    for (MqttMessage packet : connection.decode(bytes)) {
      if (!connection.isOpen()) {
        return;
      }
      onPacket(connection, packet);
    }
  }

  private void onPacket(AmityMqttConnection connection, MqttMessage packet) {
    if (packet.decoderResult().isFailure()) {
      Throwable cause = packet.decoderResult().cause();
      if (connection.actor() == null && cause instanceof MqttUnacceptableProtocolVersionException) {
        refuse(connection, MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION);
      } else if (connection.actor() == null && cause instanceof MqttIdentifierRejectedException) {
        refuse(connection, MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
      } else {
        connection.close(CloseStatus.PROTOCOL_ERROR, "malformed_packet");
      }
      return;
    }
    MqttMessageType type = packet.fixedHeader().messageType();
    if (connection.actor() == null) {
      if (type == MqttMessageType.CONNECT) {
        connect(connection, (MqttConnectMessage) packet);
      } else {
        connection.close(CloseStatus.PROTOCOL_ERROR, "not_connected");
      }
      return;
    }
    switch (type) {
      case SUBSCRIBE -> subscribe(connection, (MqttSubscribeMessage) packet);
      case UNSUBSCRIBE -> unsubscribe(connection, (MqttUnsubscribeMessage) packet);
      case PINGREQ -> connection.send(PINGRESP);
      case DISCONNECT -> connection.close(CloseStatus.NORMAL, null);
      case PUBLISH -> publish(connection, (MqttPublishMessage) packet);
      default -> connection.close(CloseStatus.PROTOCOL_ERROR, "unexpected_packet");
    }
  }

  private void connect(AmityMqttConnection connection, MqttConnectMessage connect) {
    var header = connect.variableHeader();
    var payload = connect.payload();
    if (header.version() != MQTT_3_1_1) {
      refuse(connection, MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION);
      return;
    }
    String clientId = payload.clientIdentifier() == null ? "" : payload.clientIdentifier();
    if ((clientId.isEmpty() && !header.isCleanSession()) || clientId.length() > 256) {
      refuse(connection, MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED);
      return;
    }
    byte[] password = payload.passwordInBytes();
    if (!header.hasUserName() || !header.hasPassword() || password == null
        || password.length > AmityMqttConnection.MAX_PACKET_BYTES) {
      refuse(connection, MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
      return;
    }
    Actor actor;
    String internalId;
    try {
      actor = tokens.verify(new String(password, StandardCharsets.UTF_8));
      internalId = users.get(actor.tenantId(), actor.userId()).id();
    } catch (DomainException invalid) {
      refuse(connection, MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
      return;
    }
    if (!internalId.equals(payload.userName())) {
      // A valid token presented for someone else's id.
      refuse(connection, MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED);
      return;
    }
    gateway.accept(connection, actor, new AmityMqttTopics(actor.tenantId(), internalId),
        clientId, header.isCleanSession(), header.keepAliveTimeSeconds());
  }

  private void refuse(AmityMqttConnection connection, MqttConnectReturnCode code) {
    gateway.refused(code);
    connection.send(MqttMessageBuilders.connAck().returnCode(code).sessionPresent(false).build());
    connection.close(CloseStatus.NORMAL, null);
  }

  private void subscribe(AmityMqttConnection connection, MqttSubscribeMessage subscribe) {
    List<MqttQoS> granted = new ArrayList<>();
    for (MqttTopicSubscription wanted : subscribe.payload().topicSubscriptions()) {
      boolean allowed = allowed(connection, wanted.topicFilter());
      if (allowed) {
        connection.state().filters().add(wanted.topicFilter());
      } else {
        gateway.refusedTopic();
      }
      granted.add(allowed ? MqttQoS.AT_MOST_ONCE : MqttQoS.FAILURE);
    }
    connection.send(
        MqttMessageBuilders.subAck()
            .packetId(subscribe.variableHeader().messageId())
            .addGrantedQoses(granted.toArray(MqttQoS[]::new))
            .build());
  }

  /** The user's own topics always; a channel's only to its members; nothing else. */
  private boolean allowed(AmityMqttConnection connection, String filter) {
    if (connection.state().filters().size() >= AmityMqttSession.MAX_FILTERS
        && !connection.state().filters().contains(filter)) {
      return false;
    }
    Optional<AmityMqttTopics.TopicGrant> grant = connection.topics().grant(filter);
    if (grant.isEmpty()) {
      return false;
    }
    if (grant.get() instanceof AmityMqttTopics.OfChannel(String channelId)) {
      try {
        feed.requireMember(connection.actor(), channelId);
      } catch (DomainException refused) {
        return false;
      }
    }
    return true;
  }

  private void unsubscribe(AmityMqttConnection connection, MqttUnsubscribeMessage unsubscribe) {
    unsubscribe.payload().topics().forEach(connection.state().filters()::remove);
    connection.send(
        MqttMessageBuilders.unsubAck().packetId(unsubscribe.variableHeader().messageId()).build());
  }

  private void publish(AmityMqttConnection connection, MqttPublishMessage publish) {
    switch (publish.fixedHeader().qosLevel()) {
      case AT_MOST_ONCE -> { }
      case AT_LEAST_ONCE ->
          connection.send(
              new MqttMessage(
                  new MqttFixedHeader(MqttMessageType.PUBACK, false, MqttQoS.AT_MOST_ONCE, false, 2),
                  MqttMessageIdVariableHeader.from(publish.variableHeader().packetId())));
      default -> connection.close(CloseStatus.POLICY_VIOLATION, "client_publish");
    }
  }
}
