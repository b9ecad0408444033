package dev.switchboard.message;

import dev.switchboard.conversation.Conversation;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads messages as a caller sees them (reaction counts, own reactions, flaggers), after the
 * channel policy allows it. A message of another domain is not found, whatever the id.
 */
@Service
public class MessageReader {
  public static final int MAX_PAGE = 100;
  public static final int MAX_IDS = 10;

  private final Messages messages;
  private final MessageReactions reactions;
  private final MessageFlags flags;
  private final MessagePolicy policy;

  public MessageReader(
      Messages messages, MessageReactions reactions, MessageFlags flags, MessagePolicy policy) {
    this.messages = messages;
    this.reactions = reactions;
    this.flags = flags;
    this.policy = policy;
  }

  @Transactional(readOnly = true)
  public MessageSnapshot get(Actor actor, String publicId) {
    return snapshots(actor, List.of(readable(actor, publicId))).getFirst();
  }

  /** The messages found among {@code publicIds}; unknown ones are left out, unreadable refused. */
  @Transactional(readOnly = true)
  public List<MessageSnapshot> getAll(Actor actor, List<String> publicIds) {
    if (publicIds.isEmpty() || publicIds.size() > MAX_IDS) {
      throw DomainException.invalid("messageIds must have 1 to " + MAX_IDS + " items");
    }
    Map<String, Message> found = new LinkedHashMap<>();
    for (String id : publicIds) {
      messages.findByPublicId(actor.tenantId(), id, actor.userId()).ifPresent(m -> {
        policy.requireReader(actor, m.conversationId());
        found.putIfAbsent(m.id(), m);
      });
    }
    return snapshots(actor, new ArrayList<>(found.values()));
  }

  /**
   * One slice of {@code query} (whose conversation must be readable), plus whether more
   * messages exist on either side of it under the same filters.
   */
  @Transactional(readOnly = true)
  public MessagePage page(Actor actor, MessageQuery query) {
    if (query.limit() < 1 || query.limit() > MAX_PAGE) {
      throw DomainException.invalid("page size must be between 1 and " + MAX_PAGE);
    }
    policy.requireReader(actor, query.conversationId());
    List<Message> slice = messages.query(actor.tenantId(), query);
    boolean older = false;
    boolean newer = false;
    if (!slice.isEmpty()) {
      long first = slice.getFirst().seq();
      long last = slice.getLast().seq();
      older = !messages.query(actor.tenantId(), query.slice(null, first, 1, true)).isEmpty();
      newer = !messages.query(actor.tenantId(), query.slice(last, null, 1, false)).isEmpty();
    }
    return new MessagePage(snapshots(actor, slice), older, newer);
  }

  /** A message of the actor's domain that he may read. */
  Message readable(Actor actor, String publicId) {
    Message message =
        messages
            .findByPublicId(actor.tenantId(), publicId, actor.userId())
            .orElseThrow(() -> DomainException.notFound("message"));
    policy.requireReader(actor, message.conversationId());
    return message;
  }

  /** Attaches reactions and flaggers to each message (three queries for the whole list). */
  List<MessageSnapshot> snapshots(Actor actor, List<Message> list) {
    List<String> ids = list.stream().map(Message::id).toList();
    var counts = reactions.counts(actor.tenantId(), ids);
    var mine = reactions.namesOf(actor.tenantId(), ids, actor.userId());
    var flaggers = flags.flaggers(actor.tenantId(), ids);
    return list.stream()
        .map(m -> new MessageSnapshot(m, counts.get(m.id()), mine.get(m.id()), flaggers.get(m.id())))
        .toList();
  }

  Conversation conversationOf(Actor actor, Message message) {
    return policy.requireReader(actor, message.conversationId());
  }
}
