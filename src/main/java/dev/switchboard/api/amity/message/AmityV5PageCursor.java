package dev.switchboard.api.amity.message;

import dev.switchboard.message.MessagePage;
import dev.switchboard.message.MessageQuery;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Violations;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Amity v5 message paging: {@code options[sortBy]} segmentDesc (default: newest first) or
 * segmentAsc, {@code options[limit]} 1–100 (10), and opaque {@code options[token]}s. {@code
 * paging.next} continues in the sort order, {@code paging.previous} goes back. A token carries
 * the sort order, the segment to continue from and the size, never filters: the client repeats
 * its query with it (the SDK does).
 */
record AmityV5PageCursor(boolean descending, Long after, Long before, int size) {
  static final int DEFAULT_SIZE = 10;
  static final int MAX_SIZE = 100;
  private static final int MAX_TOKEN = 100;

  static AmityV5PageCursor parse(String sortBy, Integer limit, String token) {
    new Violations()
        .check(sortBy == null || sortBy.equals("segmentAsc") || sortBy.equals("segmentDesc"),
            "options[sortBy] must be segmentAsc or segmentDesc")
        .check(limit == null || (limit >= 1 && limit <= MAX_SIZE),
            "options[limit] must be between 1 and " + MAX_SIZE)
        .maxLength("options[token]", token, MAX_TOKEN)
        .throwIfAny();
    if (token != null) {
      return decode(token);
    }
    boolean descending = !"segmentAsc".equals(sortBy);
    return new AmityV5PageCursor(descending, null, null, limit == null ? DEFAULT_SIZE : limit);
  }

  /** The core slice: toward older messages when reading newest first, else toward newer. */
  MessageQuery apply(MessageQuery query) {
    boolean fromNewest = before != null || (after == null && descending);
    return query.slice(after, before, size, fromNewest);
  }

  /** Next in the sort order: older when descending, newer when ascending. */
  String next(MessagePage page) {
    return descending
        ? (page.hasOlder() ? encode("b", page.firstSeq()) : null)
        : (page.hasNewer() ? encode("a", page.lastSeq()) : null);
  }

  String previous(MessagePage page) {
    return descending
        ? (page.hasNewer() ? encode("a", page.lastSeq()) : null)
        : (page.hasOlder() ? encode("b", page.firstSeq()) : null);
  }

  private String encode(String direction, long seq) {
    String raw = (descending ? "d" : "u") + ":" + direction + ":" + seq + ":" + size;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static AmityV5PageCursor decode(String token) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
      if (parts.length != 4 || !(parts[0].equals("d") || parts[0].equals("u"))) {
        throw new IllegalArgumentException(token);
      }
      long seq = Long.parseLong(parts[2]);
      int size = Integer.parseInt(parts[3]);
      if (seq < 0 || size < 1 || size > MAX_SIZE) {
        throw new IllegalArgumentException(token);
      }
      boolean descending = parts[0].equals("d");
      return switch (parts[1]) {
        case "a" -> new AmityV5PageCursor(descending, seq, null, size);
        case "b" -> new AmityV5PageCursor(descending, null, seq, size);
        default -> throw new IllegalArgumentException(token);
      };
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("options[token] is not a token this server issued");
    }
  }
}
