package dev.switchboard.conversation;

import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.user.UserService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's side of conversations: every conversation of a domain whatever the membership,
 * channel bans, and taking a user out of everything he belongs to. Membership changes go
 * through the same {@link Memberships} as a member's own actions, so they reach the change log
 * and clients alike.
 */
@Service
public class ConversationOversight {
  private final ConversationDirectory directory;
  private final Conversations conversations;
  private final ChannelMembers channelMembers;
  private final UserService users;
  private final Memberships memberships;
  private final Clock clock;

  ConversationOversight(
      ConversationDirectory directory,
      Conversations conversations,
      ChannelMembers channelMembers,
      UserService users,
      Memberships memberships,
      Clock clock) {
    this.directory = directory;
    this.conversations = conversations;
    this.channelMembers = channelMembers;
    this.users = users;
    this.memberships = memberships;
    this.clock = clock;
  }

  /** A conversation with its members. */
  public record Overview(Conversation conversation, List<Member> members) {}

  /** A page of a search and how many conversations match it in all. */
  public record FoundConversations(List<Overview> conversations, long total) {}

  @Transactional(readOnly = true)
  public FoundConversations search(String tenantId, ConversationSearch search, PageRequest page) {
    List<Conversation> list = directory.search(tenantId, search, page.limit(), page.offset());
    Map<String, List<Member>> members =
        list.isEmpty()
            ? Map.of()
            : conversations.members(tenantId, list.stream().map(Conversation::id).toList()).stream()
                .collect(Collectors.groupingBy(Member::conversationId));
    return new FoundConversations(
        list.stream().map(c -> new Overview(c, members.getOrDefault(c.id(), List.of()))).toList(),
        directory.count(tenantId, search));
  }

  @Transactional(readOnly = true)
  public Overview get(String tenantId, String conversationId) {
    Conversation conversation =
        conversations.find(tenantId, conversationId)
            .orElseThrow(() -> DomainException.notFound("conversation"));
    return new Overview(conversation, conversations.members(tenantId, conversationId));
  }

  /** Bans a user from a conversation: he leaves it and cannot join or be added until unbanned. */
  @Transactional
  public Overview ban(String tenantId, String conversationId, String userId) {
    get(tenantId, conversationId);
    users.get(tenantId, userId);
    channelMembers.ban(tenantId, conversationId, userId, clock.instant());
    memberships.leave(tenantId, conversationId, userId, LeaveCause.BANNED);
    return get(tenantId, conversationId);
  }

  @Transactional
  public Overview unban(String tenantId, String conversationId, String userId) {
    get(tenantId, conversationId);
    channelMembers.unban(tenantId, conversationId, userId);
    return get(tenantId, conversationId);
  }

  /** Removes the user from every conversation he is in; returns how many. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int removeEverywhere(String tenantId, String userId) {
    int removed = 0;
    for (String conversationId : conversations.idsForUser(tenantId, userId)) {
      if (memberships.leave(tenantId, conversationId, userId, LeaveCause.REMOVED)) {
        removed++;
      }
    }
    return removed;
  }
}
