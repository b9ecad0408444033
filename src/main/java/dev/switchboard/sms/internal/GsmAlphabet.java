package dev.switchboard.sms.internal;

import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * The GSM 03.38 default alphabet, as SMPP carries it with data_coding 0: one septet per byte
 * (unpacked). Characters of the extension table take two septets (escape 0x1B, then the code),
 * which is why '€' or '{' count double against the 160-septet limit.
 */
final class GsmAlphabet {
  static final int ESCAPE = 0x1B;

  /** The basic table, indexed by code; U+FFFF marks 0x1B, the escape, which is no character. */
  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\uFFFFÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  private static final Map<Character, Integer> EXTENSION =
      Map.of('\f', 0x0A, '^', 0x14, '{', 0x28, '}', 0x29, '\\', 0x2F, '[', 0x3C, '~', 0x3D,
          ']', 0x3E, '|', 0x40, '€', 0x65);

  static {
    if (BASIC.length() != 128) {
      throw new ExceptionInInitializerError("GSM basic table must have 128 entries");
    }
  }

  private GsmAlphabet() {}

  /** Septets the character takes: 1 (basic), 2 (extension) or 0 when it is not in the alphabet. */
  static int septets(char c) {
    if (c != '\uFFFF' && BASIC.indexOf(c) >= 0) {
      return 1;
    }
    return EXTENSION.containsKey(c) ? 2 : 0;
  }

  static boolean canEncode(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (septets(text.charAt(i)) == 0) {
        return false;
      }
    }
    return true;
  }

  static int septetCount(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      count += septets(text.charAt(i));
    }
    return count;
  }

  /** One byte per septet; the text must be {@linkplain #canEncode encodable}. */
  static byte[] encode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int basic = c == '\uFFFF' ? -1 : BASIC.indexOf(c);
      if (basic >= 0) {
        out.write(basic);
      } else if (EXTENSION.containsKey(c)) {
        out.write(ESCAPE);
        out.write(EXTENSION.get(c));
      } else {
        throw new IllegalArgumentException("not in the GSM alphabet: U+" + Integer.toHexString(c));
      }
    }
    return out.toByteArray();
  }

  /** Decodes unpacked septets from {@code offset}; unknown codes become '?'. */
  static String decode(byte[] bytes, int offset) {
    StringBuilder text = new StringBuilder(bytes.length - offset);
    for (int i = offset; i < bytes.length; i++) {
      int code = bytes[i] & 0x7F;
      if (code == ESCAPE && i + 1 < bytes.length) {
        text.append(extension(bytes[++i] & 0x7F));
      } else {
        text.append(code == ESCAPE ? ' ' : BASIC.charAt(code));
      }
    }
    return text.toString();
  }

  private static char extension(int code) {
    return EXTENSION.entrySet().stream()
        .filter(e -> e.getValue() == code)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse('?');
  }
}
