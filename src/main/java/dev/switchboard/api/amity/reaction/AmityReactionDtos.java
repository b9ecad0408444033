package dev.switchboard.api.amity.reaction;

import dev.switchboard.api.amity.AmityUserView;
import java.util.List;

/** Amity reaction requests and responses (wire-notes §1.5). */
final class AmityReactionDtos {
  private AmityReactionDtos() {}

  record AmityAddReaction(
      String referenceId, String referenceType, String reactionName, Integer referenceVersion) {}

  /** The SDK sends these as the DELETE's JSON body; older clients as query parameters. */
  record AmityRemoveReaction(
      String referenceId, String referenceType, String reactionName, Integer referenceVersion) {}

  record AmityReactionAdded(String addedId) {}

  record AmityReactionRemoved(String removedId) {}

  /** {@code userPublicIdId} is misspelled in Amity's own schema; clients read it so. */
  record AmityReactor(
      String reactionName,
      String userId,
      String userPublicIdId,
      String userInternalId,
      String reactionId,
      String createdAt,
      String updatedAt) {}

  record AmityReactionsOfReference(String referenceId, String referenceType, List<AmityReactor> reactors) {}

  record AmityReactionPaging(String next, String previous) {}

  record AmityReactionsPage(
      List<AmityReactionsOfReference> reactions, List<AmityUserView> users, List<Object> files, AmityReactionPaging paging) {}
}
