package dev.switchboard.access;

import dev.switchboard.shared.Scope;
import java.security.SecureRandom;

/**
 * Key ids in NetSapiens' form: 12 characters, {@code ns} + a scope letter + {@code _} + eight
 * random letters and digits ({@code nsd_UKkxfEzv}). The letter follows NetSapiens' examples:
 * {@code s} Super User, {@code r} Reseller, {@code d} Office Manager (domain), {@code u} Basic
 * User. Eight base-62 characters are 47 bits: a clash inside one domain is left to the primary
 * key, and the service draws again. Keys made before (24-hex ids) keep their ids.
 */
final class ApiKeyIds {
  static final int LENGTH = 12;
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeyIds() {}

  static String next(Scope scope) {
    StringBuilder id = new StringBuilder(LENGTH).append("ns").append(letter(scope)).append('_');
    for (int i = 0; i < 8; i++) {
      id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  private static char letter(Scope scope) {
    return switch (scope) {
      case SUPER_USER -> 's';
      case RESELLER -> 'r';
      case OFFICE_MANAGER -> 'd';
      case BASIC_USER -> 'u';
    };
  }
}
