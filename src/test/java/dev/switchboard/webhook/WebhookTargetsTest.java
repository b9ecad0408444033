package dev.switchboard.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.shared.DomainException;
import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a webhook may reach: public ones only, unless the operator allows others. */
class WebhookTargetsTest {
  private final WebhookTargets byDefault = new WebhookTargets(WebhookSettings.defaults().allowPrivateAddresses());

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "192.168.1.1",
      "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "198.18.0.1", "::1", "fe80::1",
      "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::"})
  void privateLoopbackAndLinkLocalAddressesAreRefused(String address) throws Exception {
    assertThat(WebhookTargets.isPrivate(InetAddress.getByName(address))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "100.128.0.1",
      "172.32.0.1"})
  void publicAddressesAreAllowed(String address) throws Exception {
    assertThat(WebhookTargets.isPrivate(InetAddress.getByName(address))).isFalse();
  }

  @Test
  void loopbackIsRefusedByDefaultBothWhenSavedAndWhenPosted() {
    assertThat(detail(() -> byDefault.checkedForSaving("http://127.0.0.1:8080/hook")))
        .contains("loopback");
    assertThat(detail(() -> byDefault.checkedForSaving("http://localhost/hook")))
        .contains("allow-private-addresses");
    assertThat(byDefault.refusal(URI.create("http://[::1]:9/x"))).isPresent();
  }

  @Test
  void aNameThatDoesNotResolveYetIsSavedButNotPostedTo() {
    URI uri = byDefault.checkedForSaving("https://no-such-host.invalid/hook");
    assertThat(byDefault.refusal(uri)).hasValueSatisfying(r -> assertThat(r).contains("resolve"));
  }

  @Test
  void theSettingAllowsLoopback() {
    WebhookTargets allowing = new WebhookTargets(true);
    assertThat(allowing.checkedForSaving("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
    assertThat(allowing.refusal(URI.create("http://localhost:1/x"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com/x", "file:///etc/passwd", "example.com/hook",
      "http://user:pw@example.com/", "http:///nohost", "", " ", "http://exa mple.com/"})
  void onlyHttpUrlsWithAHostAndNoUserInfoAreTaken(String url) {
    assertThatThrownBy(() -> new WebhookTargets(true).checkedForSaving(url))
        .isInstanceOf(DomainException.class);
  }

  @Test
  void urlsHaveABoundedLength() {
    String longUrl = "https://example.com/" + "a".repeat(WebhookTargets.MAX_URL);
    assertThat(detail(() -> new WebhookTargets(true).checkedForSaving(longUrl))).contains("2048");
  }

  private static String detail(Runnable call) {
    try {
      call.run();
    } catch (DomainException e) {
      return String.join("; ", e.details());
    }
    throw new AssertionError("not refused");
  }
}
