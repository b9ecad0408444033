package dev.switchboard.api.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/** One page of an admin list: the items, where the page is, and how many items there are in all. */
@Schema(description = "A page of results: items, 1-based page, page size and total count")
record AdminPage<T>(
    List<T> items,
    @Schema(example = "1") int page,
    @Schema(example = "20") int limit,
    @Schema(example = "57") long total) {

  static <S, T> AdminPage<T> of(List<S> items, Function<S, T> view, int page, int limit, long total) {
    return new AdminPage<>(items.stream().map(view).toList(), page, limit, total);
  }
}
