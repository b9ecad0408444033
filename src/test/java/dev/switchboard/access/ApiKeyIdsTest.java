package dev.switchboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.shared.Scope;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyIdsTest {
  @Test
  void twelveCharactersWithTheScopeLetterAndRandomTail() {
    assertThat(ApiKeyIds.next(Scope.OFFICE_MANAGER)).matches("nsd_[A-Za-z0-9]{8}");
    assertThat(ApiKeyIds.next(Scope.SUPER_USER)).matches("nss_[A-Za-z0-9]{8}");
    assertThat(ApiKeyIds.next(Scope.RESELLER)).matches("nsr_[A-Za-z0-9]{8}");
    assertThat(ApiKeyIds.next(Scope.BASIC_USER)).matches("nsu_[A-Za-z0-9]{8}");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(ApiKeyIds.next(Scope.BASIC_USER));
    }
    assertThat(ids).hasSize(1000);
  }
}
