package dev.switchboard.api.netsapiens;

import dev.switchboard.api.netsapiens.NsDtos.MessageSend;
import dev.switchboard.messagesession.MessageKind;
import dev.switchboard.messagesession.SessionSend;
import dev.switchboard.shared.DomainException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** MessageSend bodies to core commands: uids to user ids, bare digits to E.164. */
final class NsMessageRequests {
  private NsMessageRequests() {}

  static SessionSend toCommand(MessageSend body, String domain) {
    if (body.type() == null) {
      throw DomainException.invalid("type is required");
    }
    MessageKind kind =
        MessageKind.fromWireName(body.type())
            .orElseThrow(() -> DomainException.invalid("type must be one of chat, chat-media, sms, mms"));
    List<String> raw = destinations(body.destination());
    boolean sms = kind == MessageKind.SMS || kind == MessageKind.MMS;
    List<String> destinations =
        raw.stream()
            .map(d -> sms ? NsFormat.e164(d, "destination") : NsFormat.userOf(d, domain))
            .toList();
    String from = sms ? NsFormat.e164(body.fromNumber(), "from-number") : null;
    SessionSend.Media media = media(body);
    if (kind.carriesMedia() != (media != null)) {
      throw DomainException.invalid(kind.carriesMedia()
          ? "type " + kind.wireName() + " needs data, mime-type and size"
          : "only chat-media and mms messages carry data");
    }
    return new SessionSend(kind, body.message(), destinations, from, media);
  }

  /** Base64 {@code data} with its {@code mime-type}; {@code size} must be the decoded length. */
  private static SessionSend.Media media(MessageSend body) {
    if (body.data() == null) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(body.data());
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid("data must be base64");
    }
    if (body.mimeType() == null || body.mimeType().isBlank()) {
      throw DomainException.invalid("mime-type is required with data");
    }
    if (body.size() != null && body.size() != bytes.length) {
      throw DomainException.invalid("size must be the length of the decoded data (" + bytes.length + ")");
    }
    return new SessionSend.Media(bytes, body.mimeType());
  }

  /** One destination as a string (or number), several as an array. */
  private static List<String> destinations(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        out.add(scalar(item));
      }
    } else {
      out.add(scalar(node));
    }
    return out;
  }

  private static String scalar(JsonNode node) {
    if (node.isString() || node.isIntegralNumber()) {
      return node.asString();
    }
    throw DomainException.invalid("destination must be a string or an array of strings");
  }
}
