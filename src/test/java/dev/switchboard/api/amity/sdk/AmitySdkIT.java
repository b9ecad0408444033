package dev.switchboard.api.amity.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The official Amity TypeScript SDK, unmodified ({@code @amityco/ts-sdk} 6.35.3 from npm, pinned
 * by {@code src/test/node/amity-sdk/package-lock.json}), runs a chat between two users, each in
 * his own Node process, against this server: pointed at it only by {@code apiEndpoint}. Every
 * step asserts, in {@code sdk-user.js}, what the SDK returned. Switchboard has no communities
 * (Amity's social product): the chat runs in a conversation channel, which is what chat apps use.
 */
@ExtendWith(AmitySdkInstalled.class)
class AmitySdkIT extends ApiTestBase {
  @Autowired MeterRegistry meters;

  @Test
  void twoUsersChatThroughTheRealSdkWithRealtimeOverMqtt() throws Exception {
    Network network = new AmityFixtures(fixtures).network();
    String alice = Fixtures.unique("alice");
    String bob = Fixtures.unique("bob");
    double publishedBefore = published();
    try (SdkProcess a = new SdkProcess("alice"); SdkProcess b = new SdkProcess("bob")) {
      Map<String, Object> endpoints = Map.of(
          "apiKey", network.apiKey(),
          "http", "http://127.0.0.1:" + port,
          "mqtt", "ws://127.0.0.1:" + port + "/mqtt");
      JsonNode aliceMe = a.step("login", with(endpoints, "userId", alice, "displayName", "Alice " + alice));
      JsonNode bobMe = b.step("login", with(endpoints, "userId", bob, "displayName", "Bob " + bob));
      assertThat(aliceMe.get("internalId").asString()).isNotEqualTo(alice).hasSize(24);
      assertThat(bobMe.get("userId").asString()).isEqualTo(bob);

      JsonNode channel = a.step("createChannel", Map.of("userIds", List.of(bob), "displayName", "Lunch"));
      String channelId = channel.get("channelId").asString();
      String subChannelId = channel.get("subChannelId").asString();
      String channelInternalId = channel.get("channelInternalId").asString();
      b.step("joinChannel", Map.of("channelId", channelId));
      a.step("listMembers", Map.of("channelId", channelId, "userIds", List.of(alice, bob)));

      // Bob's live collection learns of Alice's message over MQTT, without fetching it.
      b.step("watchMessages", Map.of("subChannelId", subChannelId));
      b.step("mark", Map.of());
      String hello = a.step("sendText", Map.of("subChannelId", subChannelId, "text", "hello bob"))
          .get("messageId").asString();
      JsonNode seen = b.step("awaitLiveText", Map.of("text", "hello bob"));
      assertThat(seen.get("messageId").asString()).isEqualTo(hello);
      a.step("listChannels", Map.of("channelId", channelId, "previewText", "hello bob"));

      b.step("sendText", Map.of("subChannelId", subChannelId, "text", "a reply", "parentId", hello));
      a.step("listThread", Map.of("subChannelId", subChannelId, "parentId", hello, "texts", List.of("a reply")));

      b.step("mark", Map.of());
      a.step("edit", Map.of("messageId", hello, "text", "hello bob (edited)"));
      b.step("awaitLiveText", Map.of("text", "hello bob (edited)"));

      b.step("react", Map.of("messageId", hello, "name", "like"));
      b.step("unreact", Map.of("messageId", hello, "name", "like"));
      b.step("flag", Map.of("messageId", hello));

      b.step("mark", Map.of());
      String doomed = a.step("sendText", Map.of("subChannelId", subChannelId, "text", "to be deleted"))
          .get("messageId").asString();
      b.step("awaitLiveText", Map.of("text", "to be deleted"));
      a.step("softDelete", Map.of("messageId", doomed));
      b.step("awaitLiveDeleted", Map.of("messageId", doomed));

      // Unread counts, per channel and in total, move when Bob reads.
      b.step("unread", Map.of("channelId", channelId, "atLeast", 1));
      b.step("markRead", Map.of("channelInternalId", channelInternalId));
      b.step("unread", Map.of("channelId", channelId, "exactly", 0));

      a.step("sendImage", Map.of("subChannelId", subChannelId));
      a.step("searchUsers", Map.of("displayName", "Bob " + bob, "userId", bob));
    }
    // The live updates were MQTT publishes of this server's gateway.
    assertThat(published()).isGreaterThan(publishedBefore);
  }

  private double published() {
    return meters.find("switchboard.amity.mqtt.publishes").counters().stream()
        .mapToDouble(c -> c.count()).sum();
  }

  private static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
    Map<String, Object> all = new java.util.LinkedHashMap<>(base);
    for (int i = 0; i < pairs.length; i += 2) {
      all.put((String) pairs[i], pairs[i + 1]);
    }
    return all;
  }
}
