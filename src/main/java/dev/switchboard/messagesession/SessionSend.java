package dev.switchboard.messagesession;

import dev.switchboard.message.PostMessage;
import dev.switchboard.shared.Term;
import dev.switchboard.shared.Violations;
import dev.switchboard.sms.PhoneNumbers;
import java.util.List;

/**
 * A NetSapiens send into a message session: its kind, text, destinations (user ids for chat,
 * E.164 numbers for SMS), for SMS the sending number, and for chat-media and MMS the media. What
 * it says about the session (who is in it, which number sends) is the session's; the message
 * itself becomes the one core command, {@code PostMessage}.
 */
public record SessionSend(
    MessageKind kind, String text, List<String> destinations, String fromNumber, Media media) {
  /** Decoded media bytes with the type the client declares (the server detects its own). */
  public record Media(byte[] bytes, String mimeType) {}

  public SessionSend(MessageKind kind, String text, List<String> destinations, String fromNumber) {
    this(kind, text, destinations, fromNumber, null);
  }

  public static final int MAX_DESTINATIONS = 100;

  public SessionSend {
    destinations = destinations == null ? List.of() : List.copyOf(destinations);
  }

  public void validate() {
    Violations violations =
        new Violations()
            .check(kind != null, Term.MESSAGE_TYPE + " must be one of chat, chat-media, sms, mms")
            .check(media != null || (text != null && !text.isBlank()), Term.TEXT + " must not be blank")
            .maxLength(Term.TEXT, text, PostMessage.MAX_TEXT)
            .check(
                destinations.size() <= MAX_DESTINATIONS,
                Term.RECIPIENT_ID + " has at most " + MAX_DESTINATIONS + " entries")
            .check(
                destinations.stream().noneMatch(d -> d == null || d.isBlank()),
                Term.RECIPIENT_ID + " entries must not be blank")
            .check(kind == null || kind.carriesMedia() == (media != null),
                kind != null && kind.carriesMedia()
                    ? Term.MESSAGE_TYPE + " " + kind.wireName() + " needs a " + Term.FILE
                    : "only " + MessageKind.CHAT_MEDIA.wireName() + " and " + MessageKind.MMS.wireName()
                        + " messages carry a " + Term.FILE);
    if (kind != null && kind.channel() == SessionChannel.SMS) {
      violations
          .notBlank(Term.SMS_NUMBER, fromNumber)
          .matches(Term.SMS_NUMBER.toString(), fromNumber, PhoneNumbers.E164, PhoneNumbers.RULE)
          .check(
              destinations.stream().allMatch(PhoneNumbers::isE164),
              Term.RECIPIENT_ID + " must be phone numbers such as 18585551234");
    }
    violations.throwIfAny();
  }
}
