package dev.switchboard.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage port for conversations and memberships. Every call is scoped to one tenant. */
public interface Conversations {
  /** Inserts; returns false when a direct chat with the same key already exists. */
  boolean insert(Conversation conversation, String directKey);

  Optional<Conversation> find(String tenantId, String conversationId);

  Optional<Conversation> findDirect(String tenantId, String directKey);

  /** Adds the member; returns false when he already was one. */
  boolean addMember(String tenantId, String conversationId, String userId, Instant joinedAt);

  List<Member> members(String tenantId, String conversationId);

  /** Removes the member (his channel roles go with him); returns false when he was not one. */
  boolean removeMember(String tenantId, String conversationId, String userId);

  /** Sets the title. */
  void rename(String tenantId, String conversationId, String title);

  /** Turns a direct chat into a group (its members are about to change): frees its pair key. */
  void toGroup(String tenantId, String conversationId);

  List<Member> members(String tenantId, Collection<String> conversationIds);

  Optional<Member> member(String tenantId, String conversationId, String userId);

  /** The conversation and whether the user is one of its members, in one query. */
  Optional<Membership> findForUser(String tenantId, String conversationId, String userId);

  /**
   * The conversation with every member (joined first, first), in one statement; empty when there
   * is no such conversation in the tenant.
   */
  Optional<ConversationMembers> withMembers(String tenantId, String conversationId);

  /** A conversation as seen by one user: for access checks. */
  record Membership(Conversation conversation, boolean member) {}

  /**
   * A user's standing in the conversation named by {@code ref} (for {@link
   * ConversationRef.DirectWith}, the direct conversation of {@code userId} and that user), in one
   * query; empty when there is no such conversation in the tenant.
   */
  Optional<Standing> standing(String tenantId, ConversationRef ref, String userId);

  /** Both sequence numbers a new message takes: its own and its change's. */
  record Sequences(long seq, long changeSeq) {}

  /**
   * Takes the next message and change sequence numbers in one statement, under the row lock that
   * serializes all writers of this conversation until the transaction ends, and records the
   * activity time.
   */
  Sequences advance(String tenantId, String conversationId, Instant activityAt);

  /** Takes the next change sequence number (for changes other than new messages), under the lock. */
  long nextChangeSeq(String tenantId, String conversationId);

  /** Moves the read cursor forward (never back) to {@code seq}; returns whether it moved. */
  boolean markRead(String tenantId, String conversationId, String userId, long seq);

  /** The user's conversations, most recent activity first. */
  List<Conversation> forUser(String tenantId, String userId, int limit, long offset);

  long countForUser(String tenantId, String userId);

  /** The ids of every conversation the user is a member of. */
  List<String> idsForUser(String tenantId, String userId);

  /** Messages from others after the user's cursor, per conversation. */
  Map<String, Long> unreadCounts(
      String tenantId, String userId, Collection<String> conversationIds);
}
