package dev.switchboard.shared.jdbc;

import java.util.Locale;

/**
 * Case-insensitive substring search in SQL: {@code LOWER(column) LIKE ? ESCAPE '!'} with the
 * pattern of {@link #contains}, where LIKE's wildcards in the searched text match themselves.
 */
public final class SqlText {
  /** Append after each {@code LIKE ?} that takes a pattern of this class. */
  public static final String ESCAPE = " ESCAPE '!'";

  private SqlText() {}

  /** Whether there is anything to search for. */
  public static boolean given(String text) {
    return text != null && !text.isBlank();
  }

  public static String contains(String text) {
    return "%" + escape(text.strip().toLowerCase(Locale.ROOT)) + "%";
  }

  /** A case-sensitive substring pattern. */
  public static String containsExactly(String text) {
    return "%" + escape(text) + "%";
  }

  public static String startsWith(String text) {
    return escape(text.strip()) + "%";
  }

  private static String escape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
