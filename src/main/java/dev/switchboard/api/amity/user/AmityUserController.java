package dev.switchboard.api.amity.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.api.amity.AmityFileView;
import dev.switchboard.api.amity.AmityParams;
import dev.switchboard.api.amity.AmityUserView;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Violations;
import dev.switchboard.user.User;
import dev.switchboard.user.UserDirectoryQuery;
import dev.switchboard.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Amity's users API: search the caller's network by keyword (user id or display name), one user,
 * several by id. Only the caller's domain is ever searched; users of another are not found.
 * Users cannot be flagged here, so {@code filter=flagged} finds nobody; deleted users are gone.
 */
@RestController
@Tag(name = "Amity users", description = "Search and read users of the caller's network")
@SecurityRequirement(name = "bearerToken")
class AmityUserController {
  private static final int DEFAULT_LIMIT = 10;
  private static final int MAX_IDS = 100;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AmityUserPaging(String next, String previous) {}

  record AmityUsersPage(List<AmityUserView> users, List<AmityFileView> files, AmityUserPaging paging) {}

  record AmityUsersPayload(List<AmityUserView> users, List<AmityFileView> files) {}

  private final UserService users;

  AmityUserController(UserService users) {
    this.users = users;
  }

  @GetMapping("/api/v3/users")
  @Operation(summary = "Search users by keyword over user id and display name")
  AmityUsersPage query(
      @Parameter(hidden = true) Actor actor,
      @RequestParam(required = false) String keyword,
      @RequestParam(defaultValue = "false") boolean exactMatchKeyword,
      @RequestParam(defaultValue = "all") String filter,
      @RequestParam(defaultValue = "displayName") String sortBy,
      @RequestParam(defaultValue = "false") boolean isDeleted,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
    new Violations()
        .check(filter.equals("all") || filter.equals("flagged"), "filter must be all or flagged")
        .check(List.of("displayName", "firstCreated", "lastCreated").contains(sortBy),
            "sortBy must be displayName, firstCreated or lastCreated")
        .throwIfAny();
    int size = AmityParams.limit(params, DEFAULT_LIMIT, UserDirectoryQuery.MAX_LIMIT);
    long offset = AmityParams.offset(params);
    if (filter.equals("flagged") || isDeleted) {
      // Nobody is flagged and deleted users are erased: the answer is empty, not an error.
      return new AmityUsersPage(List.of(), List.of(), new AmityUserPaging(null, null));
    }
    UserDirectoryQuery.Order order = switch (sortBy) {
      case "firstCreated" -> UserDirectoryQuery.Order.FIRST_CREATED;
      case "lastCreated" -> UserDirectoryQuery.Order.LAST_CREATED;
      default -> UserDirectoryQuery.Order.DISPLAY_NAME;
    };
    List<User> page = users.directory(actor,
        new UserDirectoryQuery(keyword, exactMatchKeyword, order, size + 1, offset));
    boolean more = page.size() > size;
    List<User> shown = more ? page.subList(0, size) : page;
    return new AmityUsersPage(AmityUserView.of(shown), List.of(), new AmityUserPaging(
        AmityParams.next(more, offset, size), AmityParams.previous(offset, size)));
  }

  @GetMapping("/api/v3/users/list")
  @Operation(summary = "Get up to 100 users by user id; unknown ids are left out")
  AmityUsersPayload list(
      @Parameter(hidden = true) Actor actor,
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
    List<String> ids = AmityParams.ids(params, "userIds", true, MAX_IDS, 900);
    var found = users.byUserId(actor.tenantId(), ids);
    List<User> ordered = ids.stream().map(found::get).filter(u -> u != null).toList();
    return new AmityUsersPayload(AmityUserView.of(ordered), List.of());
  }

  @GetMapping("/api/v3/users/{userId}")
  @Operation(summary = "Get one user by user id")
  AmityUsersPayload get(
      @Parameter(hidden = true) Actor actor,
      @PathVariable String userId,
      @RequestParam(defaultValue = "public") String type) {
    new Violations()
        .check(type.equals("public"), "type must be public (internal ids are not looked up here)")
        .maxLength("userId", userId, 900)
        .throwIfAny();
    return new AmityUsersPayload(List.of(AmityUserView.of(users.get(actor.tenantId(), userId))), List.of());
  }
}
