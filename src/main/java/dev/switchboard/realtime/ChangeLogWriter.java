package dev.switchboard.realtime;

import dev.switchboard.conversation.MemberJoined;
import dev.switchboard.conversation.MemberLeft;
import dev.switchboard.conversation.ReadCursorMoved;
import dev.switchboard.message.MessageDeleted;
import dev.switchboard.message.MessagePosted;
import dev.switchboard.session.MessageStatusChanged;
import dev.switchboard.message.MessageUpdated;
import dev.switchboard.message.ReactionChanged;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends every conversation change to the change log inside the transaction that makes it
 * (plain {@code @EventListener}s run synchronously in the publisher's transaction), so the log
 * and the data can never disagree: both commit or neither does.
 */
@Component
class ChangeLogWriter {
  private final ChangeLog log;
  private final ChangePayloads payloads;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ChangeLogWriter(
      ChangeLog log, ChangePayloads payloads, ApplicationEventPublisher events, Clock clock) {
    this.log = log;
    this.payloads = payloads;
    this.events = events;
    this.clock = clock;
  }

  @EventListener
  void on(MessagePosted event) {
    var m = event.message();
    append(m.tenantId(), m.conversationId(), ChangePayloads.MESSAGE_CREATED, payloads.messageCreated(m));
  }

  @EventListener
  void on(MessageUpdated event) {
    var m = event.message();
    append(m.tenantId(), m.conversationId(), ChangePayloads.MESSAGE_UPDATED, payloads.messageChanged(m));
  }

  @EventListener
  void on(MessageDeleted event) {
    var m = event.message();
    append(m.tenantId(), m.conversationId(), ChangePayloads.MESSAGE_DELETED, payloads.messageChanged(m));
  }

  @EventListener
  void on(ReactionChanged event) {
    String name = event.added() ? ChangePayloads.REACTION_ADDED : ChangePayloads.REACTION_REMOVED;
    append(event.reaction().tenantId(), event.conversationId(), name, payloads.reactionChanged(event));
  }

  @EventListener
  void on(MemberJoined event) {
    append(event.tenantId(), event.conversationId(), ChangePayloads.MEMBER_JOINED, payloads.memberJoined(event));
  }

  @EventListener
  void on(MemberLeft event) {
    append(event.tenantId(), event.conversationId(), ChangePayloads.MEMBER_LEFT, payloads.memberLeft(event));
  }

  @EventListener
  void on(MessageStatusChanged event) {
    append(event.tenantId(), event.conversationId(), ChangePayloads.MESSAGE_STATUS, payloads.messageStatus(event));
  }

  @EventListener
  void on(ReadCursorMoved event) {
    append(event.tenantId(), event.conversationId(), ChangePayloads.READ_UPDATED, payloads.readUpdated(event));
  }

  private void append(String tenantId, String conversationId, String event, String payload) {
    Change change = log.append(tenantId, conversationId, event, payload, clock.instant());
    events.publishEvent(new ChangeAppended(change));
  }
}
