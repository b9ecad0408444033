package dev.switchboard.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.shared.DomainException;
import org.junit.jupiter.api.Test;

class ValidTextTest {
  @Test
  void acceptsValidUnicodeIncludingSurrogatePairs() {
    ValidText.check("héllo 😀 日本", "x");
    assertThat(ValidText.decode("a%20b%F0%9F%98%80", false, "x")).isEqualTo("a b😀");
    assertThat(ValidText.decode("a+b", true, "x")).isEqualTo("a b");
    assertThat(ValidText.decode("a+b", false, "x")).isEqualTo("a+b");
  }

  @Test
  void refusesLoneSurrogatesAndNul() {
    for (String bad : new String[] {"a\ud800", "\udc00b", "x\u0000", "\ud83d\ud83d"}) {
      assertThatThrownBy(() -> ValidText.check(bad, "content"))
          .isInstanceOf(DomainException.class)
          .satisfies(e -> assertThat(((DomainException) e).details()).anyMatch(
              detail -> detail.startsWith("content must")));
    }
  }

  @Test
  void refusesInvalidPercentEncodingAndUtf8() {
    for (String bad : new String[] {"%FF", "%C3%28", "%ED%A0%80", "%C0%AF", "%00", "%G1", "%4"}) {
      assertThatThrownBy(() -> ValidText.decode(bad, false, "q"))
          .as(bad).isInstanceOf(DomainException.class);
    }
  }

  @Test
  void jsonScanRefusesBadTextAndRepeatedKeysButLeavesMalformedJsonToTheConverter() {
    JsonBodyCheck.scan("{\"a\":[\"ok\",{\"b\":\"😀\"}],\"c\":{\"a\":1}}".getBytes());
    JsonBodyCheck.scan("{not json".getBytes());
    for (String bad : new String[] {
        "{\"a\":\"\\ud800\"}", "{\"a\\u0000\":1}", "[\"x\\u0000\"]", "{\"a\":1,\"a\":2}",
        "{\"o\":{\"k\":1,\"k\":1}}"}) {
      assertThatThrownBy(() -> JsonBodyCheck.scan(bad.getBytes()))
          .as(bad).isInstanceOf(DomainException.class);
    }
  }
}
