package dev.switchboard.bench;

import java.util.Map;
import java.util.UUID;

/**
 * Scenario 2: the same text send as {@code send-allmine}, through the Amity (v3, and v5 as the
 * SDK sends it) and NetSapiens dialects, into the same conversations (a chat is one core conversation in every dialect: its
 * Amity channelId and its NetSapiens session id are the conversation id).
 */
final class DialectScenarios {
  private DialectScenarios() {}

  static void register(Map<String, Scenario.Factory> all) {
    all.put("send-amity", (base, state, args) -> amity(base, state));
    all.put("send-amity-v5", (base, state, args) -> amityV5(base, state));
    all.put("send-netsapiens", (base, state, args) -> netsapiens(base, state));
  }

  private static Scenario amity(String base, State state) {
    String url = base + "/api/v3/messages";
    return AllmineScenarios.simple(200, random -> {
      State.Conversation c = AllmineScenarios.pick(state, random);
      State.User sender = random.nextBoolean() ? c.a() : c.b();
      String body = "{\"channelId\":\"" + c.id() + "\",\"type\":\"text\",\"data\":{\"text\":"
          + "\"bench message " + random.nextInt(1_000_000) + "\"}}";
      return Http.post(url, sender.token(), body);
    });
  }

  /**
   * The request the Amity TypeScript SDK makes for {@code sendMessage}: v5, the channel's message
   * feed (its id is the conversation id here), and a client-made {@code referenceId} on every
   * message, which makes each send an idempotent one.
   */
  private static Scenario amityV5(String base, State state) {
    String url = base + "/api/v5/messages";
    return AllmineScenarios.simple(200, random -> {
      State.Conversation c = AllmineScenarios.pick(state, random);
      State.User sender = random.nextBoolean() ? c.a() : c.b();
      String body = "{\"messageFeedId\":\"" + c.id() + "\",\"referenceId\":\"" + new UUID(random.nextLong(), random.nextLong())
          + "\",\"dataType\":\"text\",\"data\":{\"text\":\"bench message " + random.nextInt(1_000_000) + "\"}}";
      return Http.post(url, sender.token(), body);
    });
  }

  private static Scenario netsapiens(String base, State state) {
    return AllmineScenarios.simple(202, random -> {
      State.Conversation c = AllmineScenarios.pick(state, random);
      boolean forward = random.nextBoolean();
      State.User sender = forward ? c.a() : c.b();
      State.User other = forward ? c.b() : c.a();
      String url = base + "/ns-api/v2/domains/~/users/~/messagesessions/" + c.id() + "/messages";
      String body = "{\"type\":\"chat\",\"message\":\"bench message " + random.nextInt(1_000_000)
          + "\",\"destination\":\"" + other.userId() + "\"}";
      return Http.post(url, sender.token(), body);
    });
  }
}
