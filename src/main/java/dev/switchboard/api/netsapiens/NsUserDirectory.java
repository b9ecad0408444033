package dev.switchboard.api.netsapiens;

import dev.switchboard.api.netsapiens.NsDtos.PublicUserView;
import dev.switchboard.shared.DomainException;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.user.User;
import dev.switchboard.user.UserService;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The domain directory of {@code GET /domains/{d}/users/list} (PublicUserInfo): names and the
 * number a caller dials in a dial-by-name directory. Site and department are not kept: {@code ""}.
 */
@Component
class NsUserDirectory {
  private static final Set<String> FIELDS = Set.of("user", "domain", "site", "name-first-name",
      "name-last-name", "department", "directory-name-number-dtmf-mapping");
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final UserService users;
  private final JsonMapper json;

  NsUserDirectory(UserService users, JsonMapper json) {
    this.users = users;
    this.json = json;
  }

  /** The directory page; with {@code fields}, only those fields of each entry, in that order. */
  List<?> list(Tenant tenant, String fields, int limit, long offset) {
    List<String> wanted = fields == null || fields.isBlank() ? null
        : Arrays.stream(fields.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
    if (wanted != null) {
      List<String> unknown = wanted.stream().filter(f -> !FIELDS.contains(f)).toList();
      if (!unknown.isEmpty() || wanted.size() > FIELDS.size()) {
        throw DomainException.invalid("fields: unknown field(s) " + String.join(",", unknown)
            + "; known: " + FIELDS.stream().sorted().collect(Collectors.joining(",")));
      }
    }
    List<PublicUserView> entries = users.list(tenant.id(), limit, offset).stream()
        .map(u -> entry(u, tenant.name()))
        .toList();
    if (wanted == null) {
      return entries;
    }
    return entries.stream().map(e -> {
      Map<String, Object> all = json.convertValue(e, MAP);
      Map<String, Object> some = new LinkedHashMap<>();
      wanted.forEach(f -> some.put(f, all.get(f)));
      return some;
    }).toList();
  }

  private static PublicUserView entry(User user, String domain) {
    PersonName name = PersonName.of(user);
    return new PublicUserView(user.userId(), domain, "", name.first(), name.last(), "",
        dtmf(name.last().isEmpty() ? name.first() : name.last()));
  }

  /**
   * The keypad digits of the first three letters of the name, as the document's example maps
   * "test" to 837; 0 for a name without letters.
   */
  static int dtmf(String name) {
    StringBuilder digits = new StringBuilder();
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      int digit = "abc".indexOf(c) >= 0 ? 2 : "def".indexOf(c) >= 0 ? 3 : "ghi".indexOf(c) >= 0 ? 4
          : "jkl".indexOf(c) >= 0 ? 5 : "mno".indexOf(c) >= 0 ? 6 : "pqrs".indexOf(c) >= 0 ? 7
          : "tuv".indexOf(c) >= 0 ? 8 : "wxyz".indexOf(c) >= 0 ? 9 : -1;
      if (digit > 0) {
        digits.append(digit);
      }
      if (digits.length() == 3) {
        break;
      }
    }
    return digits.isEmpty() ? 0 : Integer.parseInt(digits.toString());
  }

  /** A display name split at its first blank, as NetSapiens keeps first and last names apart. */
  record PersonName(String first, String last) {
    static PersonName of(User user) {
      String name = user.displayName() == null ? "" : user.displayName();
      int space = name.indexOf(' ');
      return space < 0 ? new PersonName(name, "") : new PersonName(name.substring(0, space), name.substring(space + 1));
    }
  }
}
