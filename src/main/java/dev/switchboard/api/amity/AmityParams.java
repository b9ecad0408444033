package dev.switchboard.api.amity;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Violations;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.util.MultiValueMap;

/**
 * Amity query parameters: arrays arrive as {@code name=a&name=b} or {@code name[]=a} (the SDKs
 * send the latter), paging as {@code options[limit]} and {@code options[token]}. Page tokens
 * are opaque to clients; here they carry the offset of the next page.
 */
public final class AmityParams {
  private static final String TOKEN_PREFIX = "o:";

  private AmityParams() {}

  public static List<String> list(MultiValueMap<String, String> params, String name) {
    List<String> values = new ArrayList<>();
    for (String key : List.of(name, name + "[]")) {
      List<String> found = params.get(key);
      if (found != null) {
        found.stream().flatMap(v -> List.of(v.split(",")).stream()).filter(v -> !v.isEmpty())
            .forEach(values::add);
      }
    }
    return values;
  }

  /**
   * The distinct ids of a list parameter ({@code name=a&name=b}, {@code name[]=…}, or a comma
   * list): at most {@code max} (at least one when {@code required}) of at most {@code maxLength}
   * characters each.
   */
  public static List<String> ids(
      MultiValueMap<String, String> params, String name, boolean required, int max, int maxLength) {
    List<String> ids = list(params, name).stream().distinct().toList();
    new Violations()
        .check(!required || !ids.isEmpty(), name + " must have at least one item")
        .check(ids.size() <= max, name + " must have at most " + max + " items")
        .check(ids.stream().allMatch(id -> id.length() <= maxLength),
            name + " must be at most " + maxLength + " characters")
        .throwIfAny();
    return ids;
  }

  public static int limit(MultiValueMap<String, String> params, int fallback, int max) {
    String raw = params.getFirst("options[limit]");
    if (raw == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw DomainException.invalid("options.limit must be between 1 and " + max);
  }

  /** The offset a page token stands for (0 without a token). */
  public static long offset(MultiValueMap<String, String> params) {
    String token = params.getFirst("options[token]");
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (token.length() <= 100 && text.startsWith(TOKEN_PREFIX)) {
        long offset = Long.parseLong(text.substring(TOKEN_PREFIX.length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw DomainException.invalid("options.token is not a valid page token");
  }

  /** The token of the page after this one, or null when this one is the last. */
  public static String next(boolean more, long offset, int limit) {
    return more ? token(offset + limit) : null;
  }

  /** The token of the page before this one, or null on the first page. */
  public static String previous(long offset, int limit) {
    return offset > 0 ? token(Math.max(0, offset - limit)) : null;
  }

  public static String token(long offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  public static Boolean bool(MultiValueMap<String, String> params, String name) {
    String raw = params.getFirst(name);
    if (raw == null) {
      return null;
    }
    return switch (raw) {
      case "true" -> true;
      case "false" -> false;
      default -> throw DomainException.invalid(name + " must be true or false");
    };
  }
}
