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

  /** A conversation as seen by one user: for access checks. */
  record Membership(Conversation conversation, boolean member) {}

  /**
   * Takes the next sequence number: increments {@code last_seq} under the row lock that
   * serializes all writers of this conversation until the transaction ends.
   */
  long nextSeq(String tenantId, String conversationId, Instant activityAt);

  /** Moves the read cursor forward (never back) to {@code seq}; returns whether it moved. */
  boolean markRead(String tenantId, String conversationId, String userId, long seq);

  /** The user's conversations, most recent activity first. */
  List<Conversation> forUser(String tenantId, String userId, int limit, long offset);

  long countForUser(String tenantId, String userId);

  /** Messages from others after the user's cursor, per conversation. */
  Map<String, Long> unreadCounts(
      String tenantId, String userId, Collection<String> conversationIds);
}
