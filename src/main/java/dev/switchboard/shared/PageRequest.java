package dev.switchboard.shared;

/** A 1-based page of at most {@code limit} items, validated at construction. */
public record PageRequest(int page, int limit) {
  public static final int MAX_LIMIT = 100;

  public PageRequest {
    new Violations()
        .check(page >= 1, "page must be at least 1")
        .check(limit >= 1 && limit <= MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT)
        .throwIfAny();
  }

  public long offset() {
    return (long) (page - 1) * limit;
  }
}
