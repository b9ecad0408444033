package dev.switchboard.api.amity.message;

import dev.switchboard.message.MessagePage;
import dev.switchboard.message.MessageQuery;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Violations;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Amity v3 message paging by channel segment: {@code after}/{@code before} are segments, {@code
 * first}/{@code last} page sizes (Relay style). Without a position the newest {@code last}
 * messages come (default 10); {@code first} alone starts at the oldest. Pages are in ascending
 * segment order; {@code paging.prev} leads to older messages, {@code paging.next} to newer.
 * Tokens are opaque (base64 of direction, segment and size) and carry no filters: the client
 * repeats its query with the token, as with Amity.
 */
record AmitySegmentPaging(Long after, Long before, int size, boolean fromNewest) {
  static final int DEFAULT_SIZE = 10;
  static final int MAX_SIZE = 100;
  static final int MAX_TOKEN = 1000;

  static AmitySegmentPaging parse(Long after, Long before, Integer first, Integer last, String token) {
    new Violations()
        .check(after == null || after >= 1, "options[after] must be at least 1")
        .check(before == null || before >= 1, "options[before] must be at least 1")
        .check(first == null || (first >= 1 && first <= MAX_SIZE),
            "options[first] must be between 1 and " + MAX_SIZE)
        .check(last == null || (last >= 1 && last <= MAX_SIZE),
            "options[last] must be between 1 and " + MAX_SIZE)
        .maxLength("options[token]", token, MAX_TOKEN)
        .throwIfAny();
    if (token != null) {
      return decode(token);
    }
    if (before != null || (last != null && after == null)) {
      return new AmitySegmentPaging(after, before, last == null ? DEFAULT_SIZE : last, true);
    }
    if (after != null || first != null) {
      return new AmitySegmentPaging(after, null, first == null ? DEFAULT_SIZE : first, false);
    }
    return new AmitySegmentPaging(null, null, DEFAULT_SIZE, true);
  }

  MessageQuery apply(MessageQuery query) {
    return query.slice(after, before, size, fromNewest);
  }

  static String prevToken(MessagePage page, int size) {
    return page.hasOlder() ? encode("b", page.firstSeq(), size) : null;
  }

  static String nextToken(MessagePage page, int size) {
    return page.hasNewer() ? encode("a", page.lastSeq(), size) : null;
  }

  private static String encode(String direction, long seq, int size) {
    String raw = direction + ":" + seq + ":" + size;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static AmitySegmentPaging decode(String token) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
      long seq = Long.parseLong(parts[1]);
      int size = Integer.parseInt(parts[2]);
      if (parts.length != 3 || seq < 0 || size < 1 || size > MAX_SIZE) {
        throw new IllegalArgumentException(token);
      }
      return switch (parts[0]) {
        case "a" -> new AmitySegmentPaging(seq, null, size, false);
        case "b" -> new AmitySegmentPaging(null, seq, size, true);
        default -> throw new IllegalArgumentException(token);
      };
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw DomainException.invalid("options[token] is not a token this server issued");
    }
  }
}
