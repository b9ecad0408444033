package dev.switchboard.session;

import dev.switchboard.message.PostMessage;
import dev.switchboard.shared.Violations;
import dev.switchboard.sms.PhoneNumbers;
import java.util.List;

/**
 * A message to send into a session: its kind, text, destinations (user ids for chat, E.164
 * numbers for SMS), for SMS the sending number, and for chat-media and MMS the media.
 */
public record SendMessage(
    MessageKind kind, String text, List<String> destinations, String fromNumber, Media media) {
  /** Decoded media bytes with the type the client declares (the server detects its own). */
  public record Media(byte[] bytes, String mimeType) {}

  public SendMessage(MessageKind kind, String text, List<String> destinations, String fromNumber) {
    this(kind, text, destinations, fromNumber, null);
  }

  public static final int MAX_DESTINATIONS = 100;

  public SendMessage {
    destinations = destinations == null ? List.of() : List.copyOf(destinations);
  }

  public void validate() {
    Violations violations =
        new Violations()
            .check(kind != null, "type must be one of chat, chat-media, sms, mms")
            .check(media != null || (text != null && !text.isBlank()), "message must not be blank")
            .maxLength("message", text, PostMessage.MAX_TEXT)
            .check(
                destinations.size() <= MAX_DESTINATIONS,
                "destination has at most " + MAX_DESTINATIONS + " entries")
            .check(
                destinations.stream().noneMatch(d -> d == null || d.isBlank()),
                "destination entries must not be blank")
            .check(
                kind == null || kind.carriesMedia() == (media != null),
                kind != null && kind.carriesMedia()
                    ? "type " + kind.wireName() + " needs data, mime-type and size"
                    : "only chat-media and mms messages carry data");
    if (kind != null && kind.channel() == SessionChannel.SMS) {
      violations
          .notBlank("from-number", fromNumber)
          .matches("from-number", fromNumber, PhoneNumbers.E164, PhoneNumbers.RULE)
          .check(
              destinations.stream().allMatch(PhoneNumbers::isE164),
              "destination must be phone numbers such as 18585551234");
    }
    violations.throwIfAny();
  }
}
