package dev.switchboard.sms.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text split for sending: GSM 7-bit when every character is in the GSM alphabet, else UCS-2;
 * one segment when it fits, else segments of at most 153 septets / 67 code units that never cut
 * an escape pair or a surrogate pair in two.
 */
record SmsSegments(SmsCoding coding, List<String> parts) {
  SmsSegments {
    parts = List.copyOf(parts);
  }

  static SmsSegments of(String text) {
    SmsCoding coding = GsmAlphabet.canEncode(text) ? SmsCoding.GSM7 : SmsCoding.UCS2;
    if (size(coding, text) <= coding.singleCapacity) {
      return new SmsSegments(coding, List.of(text));
    }
    List<String> parts = new ArrayList<>();
    int start = 0;
    int used = 0;
    for (int i = 0; i < text.length(); i++) {
      int cost = coding == SmsCoding.GSM7 ? GsmAlphabet.septets(text.charAt(i)) : 1;
      boolean pairStart = coding == SmsCoding.UCS2 && Character.isHighSurrogate(text.charAt(i));
      int needed = pairStart ? 2 : cost;
      if (used + needed > coding.segmentCapacity) {
        parts.add(text.substring(start, i));
        start = i;
        used = 0;
      }
      used += cost;
    }
    parts.add(text.substring(start));
    return new SmsSegments(coding, parts);
  }

  boolean concatenated() {
    return parts.size() > 1;
  }

  /** The short_message bytes of segment {@code index}: UDH (when concatenated) then the text. */
  byte[] payload(int index, int reference) {
    byte[] body = encode(parts.get(index));
    if (!concatenated()) {
      return body;
    }
    byte[] header = Udh.concatenation(reference, parts.size(), index + 1);
    byte[] payload = new byte[header.length + body.length];
    System.arraycopy(header, 0, payload, 0, header.length);
    System.arraycopy(body, 0, payload, header.length, body.length);
    return payload;
  }

  private byte[] encode(String part) {
    return coding == SmsCoding.GSM7
        ? GsmAlphabet.encode(part)
        : part.getBytes(StandardCharsets.UTF_16BE);
  }

  private static int size(SmsCoding coding, String text) {
    return coding == SmsCoding.GSM7 ? GsmAlphabet.septetCount(text) : text.length();
  }
}
