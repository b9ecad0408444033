package dev.switchboard.sms.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reassembles inbound concatenated SMS from their parts, which may arrive in any order. Parts
 * are held in memory on the node whose SMPP session received them (one session carries all of a
 * handset's parts); the oldest incomplete messages are forgotten beyond a fixed bound, so a part
 * that never comes cannot grow memory.
 */
final class ConcatenatedInbound {
  private static final int MAX_PENDING = 500;

  private final Map<String, String[]> pending =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String[]> eldest) {
          return size() > MAX_PENDING;
        }
      };

  /** Adds one part; returns the whole text once every part is there. */
  synchronized Optional<String> add(String from, String to, Udh.Concatenation part, String text) {
    if (part.total() < 1 || part.sequence() < 1 || part.sequence() > part.total()) {
      return Optional.of(text);
    }
    String key = from + "|" + to + "|" + part.reference() + "|" + part.total();
    String[] parts = pending.computeIfAbsent(key, k -> new String[part.total()]);
    parts[part.sequence() - 1] = text;
    for (String p : parts) {
      if (p == null) {
        return Optional.empty();
      }
    }
    pending.remove(key);
    return Optional.of(String.join("", parts));
  }
}
