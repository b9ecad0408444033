package dev.switchboard.api.amity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.access.TokenService;
import dev.switchboard.conversation.ConversationAccess;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.ErrorCode;
import dev.switchboard.shared.ErrorReason;
import dev.switchboard.support.AmityFixtures;
import dev.switchboard.support.AmityFixtures.Network;
import dev.switchboard.support.ApiTestBase;
import dev.switchboard.support.Json;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The posting rule of the core (ConversationAccess.requirePoster), set up through the Amity API
 * and asked directly: each refusal carries the reason Amity renders as its own code.
 */
class AmityPostingRuleIT extends ApiTestBase {
  @Autowired ConversationAccess access;
  @Autowired TokenService tokens;

  private AmityFixtures amity;
  private Network network;
  private String modToken;
  private String userToken;

  @BeforeEach
  void channel() {
    amity = new AmityFixtures(fixtures);
    network = amity.network();
    modToken = amity.session(network, "mod");
    userToken = amity.session(network, "member");
  }

  private String create(String channelId, String type) {
    return amity.as(modToken).body(Json.of("channelId", channelId, "type", type, "userIds", List.of("member")))
        .post("/api/v3/channels").then().statusCode(200).extract().path("channels[0]._id");
  }

  private Actor actor(String token) {
    return tokens.verify(token);
  }

  private void refused(String token, String conversationId, ErrorReason reason) {
    assertThatThrownBy(() -> access.requirePoster(actor(token), conversationId))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
          assertThat(e.reason()).contains(reason);
        });
  }

  @Test
  void membersPostOutsidersDoNot() {
    String id = create("open", "community");
    assertThat(access.requirePoster(actor(userToken), id).id()).isEqualTo(id);
    refused(amity.session(network, "outsider"), id, ErrorReason.NOT_MEMBER);
  }

  @Test
  void broadcastChannelsTakeModeratorsOnly() {
    String id = create("news", "broadcast");
    assertThat(access.requirePoster(actor(modToken), id).id()).isEqualTo(id);
    refused(userToken, id, ErrorReason.NOT_MEMBER);
  }

  @Test
  void bannedMutedAndMutedChannelAreRefusedWithTheirReasons() {
    String id = create("rules", "community");
    amity.as(modToken).body(Json.of("mutePeriod", 60000)).put("/api/v2/channel/rules/mute").then().statusCode(200);
    refused(userToken, id, ErrorReason.CONVERSATION_MUTED);
    access.requirePoster(actor(modToken), id); // moderators speak in a muted channel
    amity.as(modToken).body(Json.of("mutePeriod", 0)).put("/api/v2/channel/rules/mute").then().statusCode(200);

    amity.as(modToken).body(Json.of("userIds", List.of("member"), "mutePeriod", 60000))
        .put("/api/v2/channel/rules/users/mute").then().statusCode(200);
    refused(userToken, id, ErrorReason.USER_MUTED);
    amity.as(modToken).body(Json.of("userIds", List.of("member"), "mutePeriod", 0))
        .put("/api/v2/channel/rules/users/mute").then().statusCode(200);
    access.requirePoster(actor(userToken), id);

    amity.as(modToken).body(Json.of("userIds", List.of("member"))).put("/api/v3/channels/rules/users/ban")
        .then().statusCode(200);
    refused(userToken, id, ErrorReason.USER_BANNED);
  }

  @Test
  void deletedChannelsAndOtherDomainsAreNotFound() {
    String id = create("gone", "community");
    String stranger = amity.session(amity.network(), "member");
    assertThatThrownBy(() -> access.requirePoster(actor(stranger), id))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    amity.as(modToken).delete("/api/v3/channels/gone").then().statusCode(200);
    assertThatThrownBy(() -> access.requirePoster(actor(userToken), id))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }
}
