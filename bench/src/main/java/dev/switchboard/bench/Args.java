package dev.switchboard.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options after the command name. */
record Args(String command, Map<String, String> options, List<String> rest) {
  static Args parse(String[] argv) {
    if (argv.length == 0) {
      throw new IllegalArgumentException("usage: bench <command> [--option value]...");
    }
    Map<String, String> options = new HashMap<>();
    java.util.ArrayList<String> rest = new java.util.ArrayList<>();
    for (int i = 1; i < argv.length; i++) {
      if (argv[i].startsWith("--") && i + 1 < argv.length) {
        options.put(argv[i].substring(2), argv[++i]);
      } else {
        rest.add(argv[i]);
      }
    }
    return new Args(argv[0], options, rest);
  }

  String get(String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return value;
  }

  String get(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
  }

  double decimal(String name, double fallback) {
    return options.containsKey(name) ? Double.parseDouble(options.get(name)) : fallback;
  }
}
