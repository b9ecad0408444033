package dev.switchboard.conversation;

import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.PageRequest;
import dev.switchboard.shared.Term;
import dev.switchboard.shared.Violations;
import dev.switchboard.user.UserService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ConversationService {
  static final int MAX_GROUP_MEMBERS = 1000;

  private final Conversations conversations;
  private final ConversationAccess access;
  private final UserService users;
  private final Ids ids;
  private final Memberships memberships;
  private final Clock clock;

  ConversationService(
      Conversations conversations,
      ConversationAccess access,
      UserService users,
      Ids ids,
      Memberships memberships,
      Clock clock) {
    this.conversations = conversations;
    this.access = access;
    this.users = users;
    this.ids = ids;
    this.memberships = memberships;
    this.clock = clock;
  }

  /**
   * The conversation {@code ref} names, if the actor may post in it now (see {@link
   * ConversationAccess#requirePoster}); a direct conversation is opened on first use. Runs in the
   * posting transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Standing openForPosting(Actor actor, ConversationRef ref) {
    if (ref instanceof ConversationRef.DirectWith direct) {
      requireAnotherUser(actor, direct.userId());
    }
    Optional<Standing> standing = conversations.standing(actor.tenantId(), ref, actor.userId());
    if (standing.isEmpty() && ref instanceof ConversationRef.DirectWith direct) {
      return Standing.ofCreator(openDirect(actor, direct.userId()));
    }
    return access.requirePoster(actor, standing);
  }

  /**
   * The direct chat between the actor and another user of his domain, created on first use.
   * Concurrent first uses converge on one chat: the unique direct key decides the winner.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Conversation openDirect(Actor actor, String otherUserId) {
    requireAnotherUser(actor, otherUserId);
    users.find(actor.tenantId(), otherUserId).orElseThrow(() -> DomainException.notFound("user"));
    String key = DirectKey.of(actor.userId(), otherUserId);
    var existing = conversations.findDirect(actor.tenantId(), key);
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant now = clock.instant();
    Conversation created =
        new Conversation(
            actor.tenantId(), ids.next(), ConversationKind.DIRECT, null, 0, now, now);
    if (!conversations.insert(created, key)) {
      return conversations
          .findDirect(actor.tenantId(), key)
          .orElseThrow(() -> new IllegalStateException("direct chat vanished: " + key));
    }
    join(actor.tenantId(), created.id(), actor.userId(), now);
    join(actor.tenantId(), created.id(), otherUserId, now);
    return created;
  }

  /** A group chat of the actor and the given users of his domain. */
  @Transactional
  public Conversation createGroup(Actor actor, String title, List<String> memberIds) {
    return create(actor, ConversationKind.GROUP, title, memberIds);
  }

  /** The conversation of a new SMS session, the actor its only member. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Conversation createSms(Actor actor) {
    return create(actor, ConversationKind.SMS, null, List.of());
  }

  private Conversation create(Actor actor, ConversationKind kind, String title, List<String> memberIds) {
    Set<String> everyone = new LinkedHashSet<>();
    everyone.add(actor.userId());
    everyone.addAll(memberIds);
    new Violations()
        .maxLength("title", title, 200)
        .check(everyone.size() <= MAX_GROUP_MEMBERS, "a group has at most 1000 members")
        .throwIfAny();
    if (users.getAll(actor.tenantId(), everyone).size() != everyone.size()) {
      throw DomainException.notFound("user");
    }
    Instant now = clock.instant();
    Conversation group =
        new Conversation(actor.tenantId(), ids.next(), kind, title, 0, now, now);
    conversations.insert(group, null);
    everyone.forEach(userId -> join(actor.tenantId(), group.id(), userId, now));
    return group;
  }

  @Transactional(readOnly = true)
  public Conversation get(Actor actor, String conversationId) {
    return access.requireMember(actor, conversationId);
  }

  @Transactional(readOnly = true)
  public List<Member> members(Actor actor, String conversationId) {
    access.requireMember(actor, conversationId);
    return conversations.members(actor.tenantId(), conversationId);
  }

  /** The ids of every conversation the actor is a member of (realtime routes by them). */
  @Transactional(readOnly = true)
  public List<String> memberships(Actor actor) {
    return conversations.idsForUser(actor.tenantId(), actor.userId());
  }

  /** Marks everything up to the newest message read for the actor. */
  @Transactional
  public Conversation markAllRead(Actor actor, String conversationId) {
    Conversation conversation = access.requireMember(actor, conversationId);
    long seq = conversation.lastSeq();
    memberships.markRead(actor.tenantId(), conversationId, actor.userId(), seq);
    return conversation;
  }

  /** The actor's chats, most recent activity first, with members and unread counts. */
  @Transactional(readOnly = true)
  public ChatList chats(Actor actor, PageRequest page) {
    List<Conversation> list =
        conversations.forUser(actor.tenantId(), actor.userId(), page.limit(), page.offset());
    List<String> ids = list.stream().map(Conversation::id).toList();
    Map<String, List<Member>> members =
        ids.isEmpty()
            ? Map.of()
            : conversations.members(actor.tenantId(), ids).stream()
                .collect(Collectors.groupingBy(Member::conversationId));
    Map<String, Long> unread =
        ids.isEmpty() ? Map.of() : conversations.unreadCounts(actor.tenantId(), actor.userId(), ids);
    List<ChatSummary> summaries = new ArrayList<>();
    for (Conversation c : list) {
      summaries.add(
          new ChatSummary(c, members.getOrDefault(c.id(), List.of()), unread.getOrDefault(c.id(), 0L)));
    }
    return new ChatList(summaries, conversations.countForUser(actor.tenantId(), actor.userId()));
  }

  /** Takes the actor out of the conversation; other members keep it. */
  @Transactional
  public void leave(Actor actor, String conversationId) {
    access.requireMember(actor, conversationId);
    memberships.leave(actor.tenantId(), conversationId, actor.userId(), LeaveCause.LEFT);
  }

  /**
   * Makes the members exactly {@code memberIds} (the actor among them; he stays a member). A
   * direct chat whose members change becomes a group: a pair key no longer describes it.
   */
  @Transactional
  public Conversation setMembers(Actor actor, String conversationId, List<String> memberIds) {
    Conversation conversation = access.requireMember(actor, conversationId);
    Set<String> wanted = new LinkedHashSet<>(memberIds);
    new Violations()
        .check(wanted.contains(actor.userId()), "the members must include the caller")
        .check(wanted.size() >= 2, "a conversation needs at least two members")
        .check(wanted.size() <= MAX_GROUP_MEMBERS, "a group has at most 1000 members")
        .throwIfAny();
    if (users.getAll(actor.tenantId(), wanted).size() != wanted.size()) {
      throw DomainException.notFound("user");
    }
    Set<String> current =
        conversations.members(actor.tenantId(), conversationId).stream()
            .map(Member::userId)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    if (current.equals(wanted)) {
      return conversation;
    }
    if (conversation.kind() == ConversationKind.DIRECT) {
      conversations.toGroup(actor.tenantId(), conversationId);
    }
    Instant now = clock.instant();
    for (String userId : current) {
      if (!wanted.contains(userId)) {
        memberships.leave(actor.tenantId(), conversationId, userId, LeaveCause.REMOVED);
      }
    }
    wanted.forEach(userId -> join(actor.tenantId(), conversationId, userId, now));
    return access.requireMember(actor, conversationId);
  }

  /** Sets the title (null or blank clears it). */
  @Transactional
  public void rename(Actor actor, String conversationId, String title) {
    access.requireMember(actor, conversationId);
    new Violations().maxLength("title", title, 200).throwIfAny();
    conversations.rename(
        actor.tenantId(), conversationId, title == null || title.isBlank() ? null : title);
  }

  private void join(String tenantId, String conversationId, String userId, Instant at) {
    memberships.join(tenantId, conversationId, userId, at);
  }

  private static void requireAnotherUser(Actor actor, String otherUserId) {
    if (actor.userId().equals(otherUserId)) {
      throw DomainException.invalid(Term.RECIPIENT_ID + " must be another user");
    }
  }
}
