package dev.switchboard.messagesession;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage port for sessions, per-user hiding and session items. Every call is per tenant. */
public interface MessageSessions {
  /** Inserts; false when the id or the conversation already has a session row. */
  boolean insert(SessionRow row);

  Optional<SessionRow> find(String tenantId, String sessionId);

  Map<String, SessionRow> byConversation(String tenantId, Collection<String> conversationIds);

  /**
   * In one read, the session named {@code id} and the session of the conversation whose id is
   * {@code id}: none, one or two rows.
   */
  List<SessionRow> byIdOrConversation(String tenantId, String id);

  /** The newest SMS session of the user with this number and exactly these remote numbers. */
  Optional<SessionRow> findSms(
      String tenantId, String userId, String smsNumber, List<String> remoteNumbers);

  /** Members' entries, most recent activity first; {@code userId} null lists the whole domain. */
  List<SessionRef> list(String tenantId, String userId, int limit, long offset);

  Optional<SessionRef> ref(String tenantId, String conversationId, String userId);

  /** Hides messages up to {@code throughSeq} from the user (raises, never lowers). */
  void hide(String tenantId, String conversationId, String userId, long throughSeq);

  void insertItem(SessionItem item);

  Map<String, SessionItem> items(String tenantId, Collection<String> messageIds);

  Optional<SessionItem> item(String tenantId, String messageId);

  /** Records a delivery status unless the item already failed; false when nothing changed. */
  boolean updateStatus(String tenantId, String messageId, String status);
}
