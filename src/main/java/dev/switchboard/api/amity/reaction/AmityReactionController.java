package dev.switchboard.api.amity.reaction;

import dev.switchboard.api.amity.AmityUserView;
import dev.switchboard.api.amity.reaction.AmityReactionDtos.AmityAddReaction;
import dev.switchboard.api.amity.reaction.AmityReactionDtos.AmityReactionAdded;
import dev.switchboard.api.amity.reaction.AmityReactionDtos.AmityReactionPaging;
import dev.switchboard.api.amity.reaction.AmityReactionDtos.AmityReactionsOfReference;
import dev.switchboard.api.amity.reaction.AmityReactionDtos.AmityReactionsPage;
import dev.switchboard.api.amity.reaction.AmityReactionDtos.AmityReactor;
import dev.switchboard.api.amity.reaction.AmityReactionDtos.AmityReactionRemoved;
import dev.switchboard.api.amity.reaction.AmityReactionDtos.AmityRemoveReaction;
import dev.switchboard.message.MessageReactionService;
import dev.switchboard.message.Reaction;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Timestamps;
import dev.switchboard.shared.Violations;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reactions on messages; Amity's other reference types (post, comment, story) are not chat. */
@RestController
@Tag(name = "Amity reactions", description = "Add, remove and list reactions on messages")
@SecurityRequirement(name = "bearerToken")
class AmityReactionController {
  private static final int MAX_REFERENCE_ID = 900;
  private static final int DEFAULT_LIMIT = 10;

  private final MessageReactionService reactions;
  private final UserService users;

  AmityReactionController(MessageReactionService reactions, UserService users) {
    this.reactions = reactions;
    this.users = users;
  }

  @PostMapping("/api/v2/reactions")
  @Operation(summary = "Add a reaction (one per user, name and message)")
  AmityReactionAdded add(@Parameter(hidden = true) Actor actor, @RequestBody AmityAddReaction body) {
    checkReference(body.referenceId(), body.referenceType());
    checkVersion(body.referenceVersion());
    return new AmityReactionAdded(reactions.add(actor, body.referenceId(), body.reactionName()).id());
  }

  @DeleteMapping("/api/v2/reactions")
  @Operation(summary = "Remove the caller's reaction (fields in a JSON body, or the query)")
  AmityReactionRemoved remove(
      @Parameter(hidden = true) Actor actor,
      @RequestParam(required = false) String referenceId,
      @RequestParam(required = false) String referenceType,
      @RequestParam(required = false) String reactionName,
      @RequestBody(required = false) AmityRemoveReaction body) {
    if (body != null) {
      // The SDK sends a body; a field it leaves out may still come in the query.
      referenceId = body.referenceId() != null ? body.referenceId() : referenceId;
      referenceType = body.referenceType() != null ? body.referenceType() : referenceType;
      reactionName = body.reactionName() != null ? body.reactionName() : reactionName;
      checkVersion(body.referenceVersion());
    }
    checkReference(referenceId, referenceType);
    return new AmityReactionRemoved(reactions.remove(actor, referenceId, reactionName).id());
  }

  @GetMapping("/api/v3/reactions")
  @Operation(summary = "Who reacted to a message, oldest first")
  AmityReactionsPage list(
      @Parameter(hidden = true) Actor actor,
      @RequestParam(required = false) String referenceId,
      @RequestParam(required = false) String referenceType,
      @RequestParam(required = false) String reactionName,
      @RequestParam(name = "options[limit]", required = false) Integer limit,
      @RequestParam(name = "options[token]", required = false) String token) {
    checkReference(referenceId, referenceType);
    new Violations()
        .maxLength("reactionName", reactionName, Reaction.MAX_NAME)
        .check(limit == null || (limit >= 0 && limit <= MessageReactionService.MAX_PAGE),
            "options[limit] must be between 0 and " + MessageReactionService.MAX_PAGE)
        .check(token == null || Ids.isId(token), "options[token] is not a token this server issued")
        .throwIfAny();
    int size = limit == null || limit == 0 ? DEFAULT_LIMIT : limit;
    List<Reaction> page = reactions.reactors(actor, referenceId, reactionName, token, size + 1);
    boolean more = page.size() > size;
    List<Reaction> shown = more ? page.subList(0, size) : page;
    Map<String, User> people =
        users.byUserId(actor.tenantId(), shown.stream().map(Reaction::userId).distinct().toList());
    List<AmityReactor> reactors = shown.stream().map(r -> reactor(r, people.get(r.userId()))).toList();
    return new AmityReactionsPage(
        List.of(new AmityReactionsOfReference(referenceId, "message", reactors)),
        people.values().stream().filter(Objects::nonNull).map(AmityUserView::of).toList(),
        List.of(),
        new AmityReactionPaging(more ? shown.getLast().id() : null, null));
  }

  private static AmityReactor reactor(Reaction r, User user) {
    String created = Timestamps.iso(r.createdAt());
    return new AmityReactor(r.name(), r.userId(), r.userId(), user == null ? null : user.id(), r.id(),
        created, created);
  }

  /** Messages are the same in v3 and v5 (ADR 0019): both reference versions name them. */
  private static void checkVersion(Integer referenceVersion) {
    new Violations()
        .check(referenceVersion == null || referenceVersion == 3 || referenceVersion == 5,
            "referenceVersion must be 3 or 5")
        .throwIfAny();
  }

  private static void checkReference(String referenceId, String referenceType) {
    new Violations()
        .notBlank("referenceId", referenceId)
        .maxLength("referenceId", referenceId, MAX_REFERENCE_ID)
        .notBlank("referenceType", referenceType)
        .check(referenceType == null || referenceType.isBlank() || referenceType.equals("message"),
            "referenceType must be message (posts, comments and stories are not part of chat)")
        .throwIfAny();
  }
}
