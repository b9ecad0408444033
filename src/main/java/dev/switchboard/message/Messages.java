package dev.switchboard.message;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage port for messages. Every call is scoped to one tenant. */
public interface Messages {
  /**
   * Inserts a message.
   *
   * @throws ClientIdAlreadyUsed when the sender already has a message with this client id
   */
  void insert(Message message);

  Optional<Message> findByClientId(String tenantId, String senderId, String clientId);

  /** Messages with {@code fromSeq < seq <= toSeq}, newest first. */
  List<Message> range(String tenantId, String conversationId, long fromSeq, long toSeq);

  /** The newest message of each conversation that has one. */
  List<Message> latest(String tenantId, Collection<String> conversationIds);
}
