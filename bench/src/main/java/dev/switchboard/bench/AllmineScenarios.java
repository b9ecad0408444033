package dev.switchboard.bench;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Random;

/** Scenarios 1 and 3–5 through the Allmine dialect. */
final class AllmineScenarios {
  private AllmineScenarios() {}

  static void register(Map<String, Scenario.Factory> all) {
    all.put("send-allmine", (base, state, args) -> send(base, state, false));
    all.put("hot-allmine", (base, state, args) -> send(base, state, true));
    all.put("history-newest-allmine", (base, state, args) -> history(base, state, 1));
    all.put(
        "history-random-allmine",
        (base, state, args) -> history(base, state, Math.max(1, args.integer("history-pages", 1))));
    all.put("credit-allmine", (base, state, args) -> credit(base, state, args.integer("credit-users", 1000)));
  }

  /** A text message from one member of a random conversation (the hot one: always the first). */
  private static Scenario send(String base, State state, boolean hot) {
    String url = base + "/api/v2/messages";
    return simple(201, random -> {
      State.Conversation c = hot ? state.conversations().get(0) : pick(state, random);
      State.User sender = random.nextBoolean() ? c.a() : c.b();
      String body =
          "{\"type\":\"text\",\"chatId\":\"" + c.id() + "\",\"content\":\"bench message "
              + random.nextInt(1_000_000) + "\"}";
      return Http.post(url, sender.token(), body);
    });
  }

  /** A page of 50 from a random conversation: page 1 is the newest, others a random position. */
  private static Scenario history(String base, State state, int pages) {
    return simple(200, random -> {
      State.Conversation c = pick(state, random);
      int page = pages == 1 ? 1 : 1 + random.nextInt(pages);
      return Http.get(
          base + "/api/v1/messages/chat/" + c.id() + "?page=" + page + "&limit=50",
          (random.nextBoolean() ? c.a() : c.b()).token());
    });
  }

  /** 1 credit between the two members of a funded conversation, in a random direction. */
  private static Scenario credit(String base, State state, int creditUsers) {
    String url = base + "/api/v1/messages/credit-transfer";
    int pairs = Math.max(1, Math.min(creditUsers / 2, state.conversations().size()));
    return simple(201, random -> {
      State.Conversation c = state.conversations().get(random.nextInt(pairs));
      boolean forward = random.nextBoolean();
      State.User from = forward ? c.a() : c.b();
      State.User to = forward ? c.b() : c.a();
      return Http.post(url, from.token(), "{\"recipientId\":\"" + to.userId() + "\",\"amount\":1}");
    });
  }

  static State.Conversation pick(State state, Random random) {
    return state.conversations().get(random.nextInt(state.conversations().size()));
  }

  interface Next {
    HttpRequest next(Random random);
  }

  static Scenario simple(int status, Next next) {
    return new Scenario() {
      @Override
      public HttpRequest next(Random random) {
        return next.next(random);
      }

      @Override
      public int expectedStatus() {
        return status;
      }
    };
  }
}
