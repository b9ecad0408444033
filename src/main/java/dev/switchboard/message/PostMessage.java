package dev.switchboard.message;

import dev.switchboard.conversation.ConversationRef;
import dev.switchboard.file.Upload;
import dev.switchboard.shared.Ids;
import dev.switchboard.shared.Term;
import dev.switchboard.shared.Violations;
import java.util.List;

/**
 * The one command for posting a message, whichever dialect (or module) posts it: where to
 * ({@link ConversationRef}: a conversation, a channel's key, or the direct conversation with a
 * user), a typed kind, text, and optionally a structured {@code data} payload (JSON object
 * text), a file (stored, or uploaded with the message), a thread parent, tags, metadata (JSON
 * object text), mentions and the client's key that makes a retry return the first message.
 * {@code directPeer}, with an {@link ConversationRef.Id} target, asks that the conversation be
 * the direct one with that user. Members post; a credit transfer's note ({@link
 * #creditNote}) and an inbound SMS ({@link #inbound}) are the two other origins.
 */
public record PostMessage(
    ConversationRef target,
    String directPeer,
    MessageType type,
    String text,
    String data,
    Attachment attachment,
    String parentId,
    List<String> tags,
    String metadata,
    List<Mention> mentions,
    String clientKey,
    CreditNote credit,
    Origin origin) {
  public static final int MAX_TEXT = 20_000;
  public static final int MAX_CLIENT_KEY = 150;
  public static final int MAX_PARENT_ID = 150;

  /** Who writes the message. */
  public enum Origin {
    /** A member of the conversation. */
    MEMBER,
    /** The wallet, recording a credit transfer in the direct conversation of its two users. */
    LEDGER,
    /** An SMS carrier, delivering a text from a phone number into an SMS session. */
    CARRIER
  }

  /** A message's file: one already stored, or bytes uploaded with the message. */
  public sealed interface Attachment {
    record Stored(String fileId) implements Attachment {}

    record Uploaded(Upload upload) implements Attachment {}
  }

  public PostMessage {
    tags = tags == null ? List.of() : List.copyOf(tags);
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
    origin = origin == null ? Origin.MEMBER : origin;
  }

  /** A member's message; add the rest with {@link Builder}'s setters. */
  public static Builder to(ConversationRef target) {
    return new Builder(target);
  }

  /** The chat message that records a credit transfer to {@code recipientId}. */
  public static PostMessage creditNote(String recipientId, CreditNote note) {
    return new PostMessage(new ConversationRef.DirectWith(recipientId), null,
        MessageType.CREDIT_TRANSFER, null, null, null, null, null, null, null, null, note,
        Origin.LEDGER);
  }

  /** A text that arrived from outside (an SMS) into the conversation of an SMS session. */
  public static PostMessage inbound(String conversationId, String text) {
    return new PostMessage(new ConversationRef.Id(conversationId), null, MessageType.TEXT, text,
        null, null, null, null, null, null, null, null, Origin.CARRIER);
  }

  /** The stored file's id, if the message names one. */
  public String storedFileId() {
    return attachment instanceof Attachment.Stored stored ? stored.fileId() : null;
  }

  /** Checks every field and reports every problem at once, in terms each dialect spells. */
  public void validate() {
    Violations v =
        new Violations()
            .check(target != null, Term.CONVERSATION_ID + " or " + Term.RECIPIENT_ID + " must be given")
            .check(type != null, Term.MESSAGE_TYPE + " must not be blank");
    if (type == MessageType.CREDIT_TRANSFER) {
      v.check(origin == Origin.LEDGER && credit != null,
          "type credit_transfer is written by credit transfers, not posted directly");
    }
    v.check(type != MessageType.TEXT || (text != null && !text.isBlank()), Term.TEXT + " must not be blank")
        .check(type != MessageType.CUSTOM || data != null, Term.DATA + " must be given for a custom message")
        .check(type == null || !type.carriesFile() || attachment != null,
            Term.FILE + " must be given for type " + (type == null ? "" : type.wireName()))
        .check(type == null || type.carriesFile() || attachment == null,
            "only image, video, audio and file messages carry a " + Term.FILE)
        .check(storedFileId() == null || Ids.isId(storedFileId()), Term.FILE + " must be a file id")
        .maxLength(Term.CLIENT_KEY, clientKey, MAX_CLIENT_KEY)
        .check(clientKey == null || !clientKey.isBlank(), Term.CLIENT_KEY + " must not be blank")
        .maxLength(Term.PARENT_ID, parentId, MAX_PARENT_ID);
    MessageContent.check(v, text, data, tags, metadata, mentions);
    v.throwIfAny();
  }

  /** Assembles a member's message field by field. */
  public static final class Builder {
    private final ConversationRef target;
    private String directPeer;
    private MessageType type;
    private String text;
    private String data;
    private Attachment attachment;
    private String parentId;
    private List<String> tags;
    private String metadata;
    private List<Mention> mentions;
    private String clientKey;

    private Builder(ConversationRef target) {
      this.target = target;
    }

    public Builder directPeer(String userId) {
      this.directPeer = userId;
      return this;
    }

    public Builder type(MessageType type) {
      this.type = type;
      return this;
    }

    public Builder text(String text) {
      this.text = text;
      return this;
    }

    public Builder data(String data) {
      this.data = data;
      return this;
    }

    /** A stored file's id (null: none). */
    public Builder storedFile(String fileId) {
      if (fileId != null) {
        this.attachment = new Attachment.Stored(fileId);
      }
      return this;
    }

    /** The file uploaded with the message (null: none). */
    public Builder upload(Upload upload) {
      if (upload != null) {
        this.attachment = new Attachment.Uploaded(upload);
      }
      return this;
    }

    public Builder parentId(String parentId) {
      this.parentId = parentId;
      return this;
    }

    public Builder tags(List<String> tags) {
      this.tags = tags;
      return this;
    }

    public Builder metadata(String metadata) {
      this.metadata = metadata;
      return this;
    }

    public Builder mentions(List<Mention> mentions) {
      this.mentions = mentions;
      return this;
    }

    public Builder clientKey(String clientKey) {
      this.clientKey = clientKey;
      return this;
    }

    public PostMessage build() {
      return new PostMessage(target, directPeer, type, text, data, attachment, parentId, tags,
          metadata, mentions, clientKey, null, Origin.MEMBER);
    }
  }
}
