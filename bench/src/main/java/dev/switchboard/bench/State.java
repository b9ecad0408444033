package dev.switchboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code prepare} created, for the later commands: users with their access tokens, and the
 * direct conversations (conversation i is between users 2i and 2i+1). One tab-separated record
 * a line, so the run script can load the conversation ids into PostgreSQL for pgbench.
 */
record State(List<User> users, List<Conversation> conversations) {
  record User(String userId, String token) {}

  record Conversation(int n, String id, User a, User b) {}

  void save(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (User u : users) {
      lines.add("user\t" + u.userId() + "\t" + u.token());
    }
    for (Conversation c : conversations) {
      lines.add("conversation\t" + c.n() + "\t" + c.id() + "\t" + c.a().userId() + "\t" + c.b().userId());
    }
    Files.write(file, lines);
  }

  static State load(Path file) throws IOException {
    List<User> users = new ArrayList<>();
    java.util.Map<String, User> byId = new java.util.HashMap<>();
    List<Conversation> conversations = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String[] f = line.split("\t");
      switch (f[0]) {
        case "user" -> {
          User u = new User(f[1], f[2]);
          users.add(u);
          byId.put(u.userId(), u);
        }
        case "conversation" ->
            conversations.add(
                new Conversation(Integer.parseInt(f[1]), f[2], byId.get(f[3]), byId.get(f[4])));
        default -> throw new IllegalStateException("bad state line: " + line);
      }
    }
    return new State(users, conversations);
  }
}
