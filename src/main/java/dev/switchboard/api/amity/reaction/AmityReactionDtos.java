package dev.switchboard.api.amity.reaction;

import dev.switchboard.api.amity.AmityUserView;
import java.util.List;

/** Amity reaction requests and responses (wire-notes §1.5). */
final class AmityReactionDtos {
  private AmityReactionDtos() {}

  record AddReactionRequest(
      String referenceId, String referenceType, String reactionName, Integer referenceVersion) {}

  record Added(String addedId) {}

  record Removed(String removedId) {}

  /** {@code userPublicIdId} is misspelled in Amity's own schema; clients read it so. */
  record Reactor(
      String reactionName,
      String userId,
      String userPublicIdId,
      String userInternalId,
      String reactionId,
      String createdAt,
      String updatedAt) {}

  record ReactionsOfReference(String referenceId, String referenceType, List<Reactor> reactors) {}

  record Paging(String next, String previous) {}

  record ReactionsPage(
      List<ReactionsOfReference> reactions, List<AmityUserView> users, List<Object> files, Paging paging) {}
}
