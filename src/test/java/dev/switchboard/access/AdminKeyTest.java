package dev.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Admin key rotation: the new key and the keys it replaces work, nothing else does. */
class AdminKeyTest {
  @Test
  void theCurrentAndThePreviousKeysMatchAndNothingElse() {
    AdminKey key = new AdminKey("sba_new-key", List.of("sba_old-key", " "));
    assertThat(key.matches("sba_new-key")).isTrue();
    assertThat(key.matches("sba_old-key")).isTrue();
    assertThat(key.matches("sba_other")).isFalse();
    assertThat(key.matches("")).isFalse();
    assertThat(key.matches(null)).isFalse();
    assertThat(new AdminKey("sba_new-key").matches("sba_old-key")).isFalse();
  }
}
