package dev.switchboard.sms.internal;

import dev.switchboard.shared.Ids;

/**
 * The User Data Header of concatenated SMS (3GPP TS 23.040 §9.2.3.24.1): we write the 8-bit
 * reference form {@code 05 00 03 ref total seq}; we read it and the 16-bit form (IE 0x08).
 */
final class Udh {
  private static final int IE_CONCAT_8BIT = 0x00;
  private static final int IE_CONCAT_16BIT = 0x08;

  private Udh() {}

  /**
   * The 8-bit reference shared by an SMS's segments, derived from its outbox id rather than
   * kept per node: the low byte of the id's counter when it is one of our 24-hex ids (so the
   * 256 SMS queued one after another on a node get distinct references, and the same SMS keeps
   * its reference on whichever node sends it), a hash of the reference otherwise. A handset mixes up
   * two messages only if both come from one sender at once with the same reference.
   */
  static int referenceOf(String outboxId) {
    if (Ids.isId(outboxId)) {
      return Integer.parseInt(outboxId.substring(22), 16);
    }
    return outboxId.hashCode() & 0xFF;
  }

  static byte[] concatenation(int reference, int total, int sequence) {
    return new byte[] {
      0x05, IE_CONCAT_8BIT, 0x03, (byte) reference, (byte) total, (byte) sequence
    };
  }

  /** Length of the header at the start of {@code message}, its length byte included. */
  static int length(byte[] message) {
    return message.length == 0 ? 0 : Math.min(message.length, (message[0] & 0xFF) + 1);
  }

  /** The concatenation element of the header, or null when the header has none. */
  static Concatenation concatenation(byte[] message) {
    int end = length(message);
    int i = 1;
    while (i + 1 < end) {
      int id = message[i] & 0xFF;
      int len = message[i + 1] & 0xFF;
      int data = i + 2;
      if (id == IE_CONCAT_8BIT && len == 3 && data + 3 <= end) {
        return new Concatenation(
            message[data] & 0xFF, message[data + 1] & 0xFF, message[data + 2] & 0xFF);
      }
      if (id == IE_CONCAT_16BIT && len == 4 && data + 4 <= end) {
        int reference = ((message[data] & 0xFF) << 8) | (message[data + 1] & 0xFF);
        return new Concatenation(reference, message[data + 2] & 0xFF, message[data + 3] & 0xFF);
      }
      i = data + len;
    }
    return null;
  }

  /** One part of a concatenated SMS: {@code sequence} runs from 1 to {@code total}. */
  record Concatenation(int reference, int total, int sequence) {}
}
