package dev.switchboard.api.amity.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Topic filters: MQTT 3.1.1 matching and well-formedness, and what a user may subscribe to. */
class AmityMqttTopicsTest {
  private final AmityMqttTopics bob = new AmityMqttTopics("net1", "bob01");

  @Test
  void matchesAsMqttSays() {
    assertThat(AmityMqttTopics.matches("net1/chat/c1/#", "net1/chat/c1/message/m1")).isTrue();
    assertThat(AmityMqttTopics.matches("net1/chat/c1/#", "net1/chat/c1")).isTrue();
    assertThat(AmityMqttTopics.matches("net1/chat/+/message/+", "net1/chat/c1/message/m1")).isTrue();
    assertThat(AmityMqttTopics.matches("net1/chat/+", "net1/chat/c1/message/m1")).isFalse();
    assertThat(AmityMqttTopics.matches("net1/chat/c1", "net1/chat/c2")).isFalse();
    assertThat(AmityMqttTopics.matches("net1/smartfeed/bob01/messages", "net1/smartfeed/bob01/messages"))
        .isTrue();
  }

  @Test
  void refusesMalformedFilters() {
    assertThat(AmityMqttTopics.wellFormed("a/#/b")).isFalse();
    assertThat(AmityMqttTopics.wellFormed("a/b#")).isFalse();
    assertThat(AmityMqttTopics.wellFormed("a/b+/c")).isFalse();
    assertThat(AmityMqttTopics.wellFormed("a/+/c/#")).isTrue();
    assertThat(bob.grant("net1/chat/c1/#/x")).isEmpty();
  }

  @Test
  void grantsOwnTopicsChannelTopicsToBeCheckedAndNothingElse() {
    for (String own : new String[] {"net1", "net1/user/bob01", "net1/marker/user/bob01",
        "net1/smartfeed/bob01/channels", "net1/smartfeed/bob01/messagefeeds",
        "net1/smartfeed/bob01/messages"}) {
      assertThat(bob.grant(own)).as(own).containsInstanceOf(AmityMqttTopics.Own.class);
    }
    assertThat(bob.grant("net1/chat/c1/#")).contains(new AmityMqttTopics.OfChannel("c1"));
    assertThat(bob.grant("net1/chat/c1/messagefeed/c1/#")).contains(new AmityMqttTopics.OfChannel("c1"));
    assertThat(bob.grant("net1/marker/channel/c1/message/c1"))
        .contains(new AmityMqttTopics.OfChannel("c1"));
    for (String foreign : new String[] {"net1/smartfeed/alice/messages", "net1/marker/user/alice",
        "net1/user/alice", "net2", "net2/chat/c1/#", "net1/chat/+/#", "net1/chat/#", "#", "+",
        "net1/social/community/c1", "net1/membership/bob01/+/+", ""}) {
      assertThat(bob.grant(foreign)).as(foreign).isEmpty();
    }
    assertThat(bob.grant("net1/chat/" + "x".repeat(600))).isEmpty();
  }
}
