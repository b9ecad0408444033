package dev.switchboard.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Creates the bench data through the public APIs: 2 users per conversation (admin API), one
 * login, credits for the users of the credit scenario (admin top-ups, so the ledger is right),
 * and each direct conversation opened by its first message (Allmine {@code targetUserId}).
 */
final class Prepare {
  private static final String PASSWORD = "bench-password-1";

  static void run(Args args) throws Exception {
    String base = args.get("base");
    String adminKey = args.get("admin-key");
    String secret = args.get("jwt-secret");
    int conversations = args.integer("conversations", 1000);
    int creditUsers = Math.min(args.integer("credit-users", 1000), conversations * 2);
    long credits = Long.parseLong(args.get("credits", "1000000000"));
    Path stateFile = Path.of(args.get("state"));
    HttpClient http = Http.client();
    String users = base + "/admin/v1/domains/default/users";

    List<String> userIds = new ArrayList<>();
    for (int i = 0; i < conversations * 2; i++) {
      userIds.add(String.format("bench-u%05d", i));
    }
    long started = System.nanoTime();
    parallel(
        userIds.size(),
        i -> {
          String body =
              "{\"userId\":" + Json.quote(userIds.get(i)) + ",\"displayName\":\"Bench user " + i + "\""
                  + (i == 0 ? ",\"password\":\"" + PASSWORD + "\"" : "") + "}";
          return Http.expect(http, Http.post(users, adminKey, body), 201);
        });
    String login =
        Http.expect(
            http,
            Http.post(
                base + "/auth/token",
                null,
                "{\"domain\":\"default\",\"userId\":\"" + userIds.get(0) + "\",\"password\":\"" + PASSWORD + "\"}"),
            200);
    Tokens tokens = new Tokens(Json.field(login, "accessToken"), secret);
    List<State.User> people = userIds.stream().map(id -> new State.User(id, tokens.forUser(id))).toList();
    parallel(
        creditUsers,
        i ->
            Http.expect(
                http,
                Http.post(
                    users + "/" + userIds.get(i) + "/credits",
                    adminKey,
                    "{\"amount\":" + credits + ",\"reason\":\"bench\"}"),
                200));
    List<String> chatIds =
        parallel(
            conversations,
            i -> {
              String body =
                  "{\"type\":\"text\",\"targetUserId\":" + Json.quote(userIds.get(2 * i + 1))
                      + ",\"content\":\"hello " + i + "\"}";
              return Json.field(
                  Http.expect(http, Http.post(base + "/api/v2/messages", people.get(2 * i).token(), body), 201),
                  "chatId");
            });
    List<State.Conversation> list = new ArrayList<>();
    for (int i = 0; i < conversations; i++) {
      list.add(new State.Conversation(i, chatIds.get(i), people.get(2 * i), people.get(2 * i + 1)));
    }
    new State(people, list).save(stateFile);
    System.out.printf(
        "prepared %d users, %d conversations, %d funded users in %.1f s%n",
        people.size(), conversations, creditUsers, (System.nanoTime() - started) / 1e9);
  }

  interface Step {
    String call(int i) throws Exception;
  }

  /** Runs the steps on 8 threads; the first failure fails the set-up. */
  private static List<String> parallel(int count, Step step) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(pool.submit((Callable<String>) () -> step.call(n)));
      }
      List<String> results = new ArrayList<>();
      for (Future<String> f : futures) {
        results.add(f.get());
      }
      return results;
    }
  }
}
