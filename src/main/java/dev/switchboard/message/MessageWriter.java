package dev.switchboard.message;

import dev.switchboard.conversation.ChannelMembership;
import dev.switchboard.conversation.Conversation;
import dev.switchboard.conversation.Conversations;
import dev.switchboard.file.AccessType;
import dev.switchboard.file.FileService;
import dev.switchboard.file.StoredFile;
import dev.switchboard.file.Upload;
import dev.switchboard.shared.Actor;
import dev.switchboard.shared.DomainException;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Term;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The writes of a post, in {@link MessageService#post}'s transaction, once the posting rule has
 * let the poster in: the thread parent's reply count, the file (uploaded or shared into the
 * conversation, and checked against the type), both sequence numbers in one statement, the
 * message, its change, and the mention cursors.
 */
@Component
class MessageWriter {
  private final Messages messages;
  private final Conversations conversations;
  private final ChannelMembership membership;
  private final FileService files;
  private final MessageChanges changes;
  private final Ids ids;
  private final Clock clock;

  MessageWriter(
      Messages messages,
      Conversations conversations,
      ChannelMembership membership,
      FileService files,
      MessageChanges changes,
      Ids ids,
      Clock clock) {
    this.messages = messages;
    this.conversations = conversations;
    this.membership = membership;
    this.files = files;
    this.changes = changes;
    this.ids = ids;
    this.clock = clock;
  }

  Message write(Actor actor, Conversation conversation, PostMessage command) {
    String parentId = parent(actor, conversation, command.parentId());
    String fileId = file(actor, conversation, command);
    // Stored with microseconds (both databases): the answer is then the message as read later.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Conversations.Sequences seq = conversations.advance(actor.tenantId(), conversation.id(), now);
    MessageDetails details =
        new MessageDetails(command.data(), parentId, command.tags(), command.metadata(),
            command.mentions(), 0, 0, null, false, null);
    Message message =
        new Message(actor.tenantId(), ids.next(), conversation.id(), seq.seq(), actor.userId(),
            command.type(), command.text(), command.clientKey(), command.credit(), fileId, now, now,
            details);
    messages.insert(message);
    changes.created(message, seq.changeSeq());
    mention(conversation, command.mentions(), message.seq());
    return message;
  }

  /** The parent's id, after counting one more reply in its thread. */
  private String parent(Actor actor, Conversation conversation, String publicId) {
    if (publicId == null) {
      return null;
    }
    Message parent =
        messages
            .findByPublicId(actor.tenantId(), publicId, actor.userId())
            .filter(p -> p.conversationId().equals(conversation.id()))
            .orElseThrow(() -> DomainException.invalid(
                Term.PARENT_ID + " must be a message of the same " + Term.CONVERSATION));
    messages.incrementChildren(actor.tenantId(), parent.id());
    return parent.id();
  }

  /**
   * The message's file: an upload is inspected and recorded here, so a refused message leaves no
   * file row behind; either way it is shared into the conversation and must be what the type says.
   */
  private String file(Actor actor, Conversation conversation, PostMessage command) {
    String fileId =
        switch (command.attachment()) {
          case null -> null;
          case PostMessage.Attachment.Stored stored -> stored.fileId();
          case PostMessage.Attachment.Uploaded uploaded -> {
            Upload u = uploaded.upload();
            yield files
                .upload(actor, u.content(), u.declaredName(), u.declaredMimeType(), AccessType.PRIVATE, null)
                .id();
          }
        };
    if (fileId != null) {
      StoredFile file = files.share(actor, fileId, conversation.id());
      if (!command.type().accepts(file.kind())) {
        throw DomainException.invalid("type " + command.type().wireName()
            + " does not match the file, which is " + file.mimeType());
      }
    }
    return fileId;
  }

  private void mention(Conversation conversation, List<Mention> mentions, long seq) {
    boolean everyone = mentions.stream().anyMatch(m -> m.type() == Mention.Type.CHANNEL);
    List<String> users =
        mentions.stream()
            .filter(m -> m.type() == Mention.Type.USER)
            .flatMap(m -> m.userIds().stream())
            .distinct()
            .toList();
    if (everyone) {
      membership.mentionEveryone(conversation.tenantId(), conversation.id(), seq);
    } else if (!users.isEmpty()) {
      membership.mention(conversation.tenantId(), conversation.id(), users, seq);
    }
  }
}
