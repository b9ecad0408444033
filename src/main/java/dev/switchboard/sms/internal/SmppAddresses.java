package dev.switchboard.sms.internal;

/** E.164 in our core, bare digits on the SMPP wire (TON international, NPI ISDN). */
final class SmppAddresses {
  private SmppAddresses() {}

  static String toWire(String e164) {
    return e164.startsWith("+") ? e164.substring(1) : e164;
  }

  /** Digits become E.164; alphanumeric senders ("BANK") stay as they are. */
  static String toE164(String wire) {
    if (wire == null || wire.isEmpty()) {
      return wire;
    }
    return wire.chars().allMatch(Character::isDigit) ? "+" + wire : wire;
  }
}
