package dev.switchboard.api.netsapiens;

import dev.switchboard.shared.DomainException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * NetSapiens wire conventions: {@code "YYYY-MM-DD HH:MM:SS"} UTC for {@code -timestamp} fields
 * (the examples' form), RFC 3339 for {@code -datetime} fields (the schema's), phone numbers as
 * bare digits ({@code 18585551234}; the core keeps E.164 {@code +18585551234}), users as
 * {@code user@domain}.
 */
final class NsFormat {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  /** RFC 3339 with a numeric offset, as the document's date-time examples ({@code +00:00}). */
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
  private static final Pattern DIGITS = Pattern.compile("\\+?[0-9]{1,15}");

  private NsFormat() {}

  static String timestamp(Instant instant) {
    return instant == null ? null : TIMESTAMP.format(instant);
  }

  /** {@code 2023-08-11T04:29:33+00:00}: the document's form for its {@code -datetime} fields. */
  static String dateTime(Instant instant) {
    return instant == null ? null : DATE_TIME.format(instant);
  }

  /** 18585551234 or +18585551234 to E.164; anything else is refused. */
  static String e164(String number, String field) {
    if (number == null) {
      return null;
    }
    String trimmed = number.trim();
    if (!DIGITS.matcher(trimmed).matches()) {
      throw DomainException.invalid(field + " must be a phone number such as 18585551234");
    }
    return trimmed.startsWith("+") ? trimmed : "+" + trimmed;
  }

  /** E.164 to the bare digits NetSapiens shows. */
  static String digits(String e164) {
    return e164 == null ? "" : e164.startsWith("+") ? e164.substring(1) : e164;
  }

  static String uid(String userId, String domain) {
    return userId + "@" + domain;
  }

  /** "1004@portal" or "1004" to the user id "1004"; another domain's uid is refused. */
  static String userOf(String uid, String domain) {
    int at = uid.lastIndexOf('@');
    if (at < 0) {
      return uid;
    }
    if (!uid.substring(at + 1).equals(domain)) {
      throw DomainException.invalid("destination " + uid + " is not a user of domain " + domain);
    }
    return uid.substring(0, at);
  }
}
