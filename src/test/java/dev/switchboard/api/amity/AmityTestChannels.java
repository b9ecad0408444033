package dev.switchboard.api.amity;

import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.Fixtures;
import dev.switchboard.support.Json;

/**
 * A channel for message tests: the direct chat Allmine opens (its id is the channelId of a
 * channel created without one), with one opening message, so segments start at 2.
 */
final class AmityTestChannels {
  private AmityTestChannels() {}

  static String user(AmityFixtures amity, Network network) {
    return amity.newUser(network);
  }

  static String directChannel(Fixtures fixtures, String token, String otherUserId) {
    return fixtures.as(token)
        .body(Json.of("type", "text", "targetUserId", otherUserId, "content", "hi"))
        .post("/api/v2/messages")
        .then()
        .statusCode(201)
        .extract()
        .path("data.chatId");
  }
}
