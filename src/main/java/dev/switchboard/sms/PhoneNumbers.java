package dev.switchboard.sms;

import java.util.regex.Pattern;

/** E.164 numbers: a plus sign, a country code that does not start with 0, 7 to 15 digits in all. */
public final class PhoneNumbers {
  public static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  public static final String RULE = "must be an E.164 number such as +15551234567";

  private PhoneNumbers() {}

  public static boolean isE164(String candidate) {
    return candidate != null && E164.matcher(candidate).matches();
  }
}
