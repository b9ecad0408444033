package dev.switchboard.api.amity.mqtt;

import org.awaitility.Awaitility;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Eclipse Paho, an MQTT client independent of the server's codec, connected over WebSocket as
 * the Amity SDK connects: MQTT 3.1.1, keep-alive 60 s unless told, a will message, username =
 * the user's internal id, password = an access token. Collects every PUBLISH it receives.
 */
final class PahoClient implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A received PUBLISH: its topic and parsed {@code {eventType, data}}. */
  record Received(String topic, JsonNode body) {
    String eventType() {
      return body.get("eventType").asString();
    }

    JsonNode message() {
      return body.get("data").get("messages").get(0);
    }
  }

  final MqttClient client;
  final List<Received> received = new CopyOnWriteArrayList<>();
  IMqttToken connectToken;

  private PahoClient(MqttClient client) {
    this.client = client;
  }

  static MqttClient raw(int port, String clientId) throws MqttException {
    return new MqttClient("ws://127.0.0.1:" + port + "/mqtt", clientId, new MemoryPersistence());
  }

  static MqttConnectOptions options(String username, String password, boolean clean, int keepAlive) {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setCleanSession(clean);
    options.setKeepAliveInterval(keepAlive);
    options.setAutomaticReconnect(false);
    options.setUserName(username);
    options.setPassword(password.toCharArray());
    options.setWill("WillMsg", "Connection Closed abnormally..!".getBytes(StandardCharsets.UTF_8), 0, false);
    return options;
  }

  /** Connects (throws the refusal as Paho reports it). */
  static PahoClient connect(int port, String clientId, String username, String token, boolean clean)
      throws MqttException {
    return connect(port, clientId, options(username, token, clean, 60));
  }

  static PahoClient connect(int port, String clientId, MqttConnectOptions options)
      throws MqttException {
    PahoClient paho = new PahoClient(raw(port, clientId));
    paho.client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        paho.received.add(new Received(topic, JSON.readTree(message.getPayload())));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {}
    });
    paho.connectToken = paho.client.connectWithResult(options);
    return paho;
  }

  /** The granted QoS per filter (128 = refused). */
  int[] subscribe(String... filters) throws MqttException {
    int[] qos = new int[filters.length];
    return client.subscribeWithResponse(filters, qos).getGrantedQos();
  }

  /** Waits for at least {@code count} publishes of this event type; returns them in order. */
  List<Received> await(String eventType, int count) {
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> of(eventType).size() >= count);
    return of(eventType);
  }

  List<Received> of(String eventType) {
    List<Received> matching = new ArrayList<>();
    for (Received r : received) {
      if (r.eventType().equals(eventType)) {
        matching.add(r);
      }
    }
    return matching;
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
