package dev.switchboard.conversation;

import java.util.Set;

/**
 * Which channels to list for a user: open channels of the domain and the private ones he is a
 * member of, narrowed by the filters; {@code offset}/{@code limit} page through the result.
 */
public record ChannelQuery(
    String keyword,
    Set<ConversationKind> kinds,
    MembershipFilter membership,
    Set<String> tags,
    Set<String> excludeTags,
    Boolean deleted,
    Sort sort,
    int limit,
    long offset) {

  public enum MembershipFilter {
    ALL,
    MEMBER,
    NOT_MEMBER
  }

  public enum Sort {
    LAST_ACTIVITY,
    LAST_CREATED,
    FIRST_CREATED,
    DISPLAY_NAME
  }
}
