package dev.switchboard.sms.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Decodes the text of an SMPP short_message by its data_coding, after any User Data Header. */
final class ShortMessageText {
  private ShortMessageText() {}

  static String decode(byte dataCoding, byte[] message, boolean hasUdh) {
    int offset = hasUdh ? Udh.length(message) : 0;
    return switch (dataCoding & 0xFF) {
      case 0x00 -> GsmAlphabet.decode(message, offset);
      case 0x08 -> new String(message, offset, message.length - offset, StandardCharsets.UTF_16BE);
      case 0x01 -> new String(message, offset, message.length - offset, StandardCharsets.US_ASCII);
      default ->
          new String(Arrays.copyOfRange(message, offset, message.length),
              StandardCharsets.ISO_8859_1);
    };
  }
}
