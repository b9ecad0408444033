package dev.switchboard.api.web;

import dev.switchboard.shared.DomainException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * What text the server accepts, the same in every dialect: valid Unicode (no lone surrogate),
 * without U+0000, and, where it arrives percent-encoded (paths, queries, form bodies), valid
 * UTF-8. PostgreSQL cannot store U+0000 and JSON cannot carry a lone surrogate to a client, so
 * text that breaks either rule is refused at the edge with a 400 rather than failing later.
 */
public final class ValidText {
  private ValidText() {}

  /** Refuses {@code value} unless it is valid text; {@code where} names it in the message. */
  public static void check(String value, String where) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        throw DomainException.invalid(where + " must not contain U+0000");
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw DomainException.invalid(where + " must be valid Unicode (a lone surrogate was sent)");
      }
    }
  }

  /**
   * Decodes percent-encoding strictly: {@code %XX} must be two hex digits and the bytes valid
   * UTF-8; {@code plusIsSpace} for form encoding. The result is checked with {@link #check}.
   */
  public static String decode(String encoded, boolean plusIsSpace, String where) {
    if (encoded.indexOf('%') < 0 && (!plusIsSpace || encoded.indexOf('+') < 0)) {
      check(encoded, where);
      return encoded;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()
            || !HexFormat.isHexDigit(encoded.charAt(i + 1))
            || !HexFormat.isHexDigit(encoded.charAt(i + 2))) {
          throw DomainException.invalid(where + " has an invalid percent-encoding");
        }
        bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        int codePoint = encoded.codePointAt(i);
        if (Character.isSurrogate((char) codePoint) && codePoint <= Character.MAX_VALUE) {
          throw DomainException.invalid(where + " must be valid Unicode (a lone surrogate was sent)");
        }
        bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint) - 1;
      }
    }
    String decoded = utf8(bytes.toByteArray(), where);
    check(decoded, where);
    return decoded;
  }

  /** The bytes as UTF-8, refusing malformed sequences instead of replacing them. */
  public static String utf8(byte[] bytes, String where) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw DomainException.invalid(where + " must be valid UTF-8");
    }
  }
}
