package dev.switchboard.webhook;

import dev.switchboard.shared.DomainException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a webhook may post to: http(s) with a host, at most 2048 characters, and — unless
 * the operator allows private addresses — no host resolving to a loopback, link-local,
 * private (RFC 1918, fc00::/7), carrier-grade NAT, multicast or unspecified address. Checked
 * when a subscription is saved and again, against a fresh resolution, before every post (a
 * name may resolve elsewhere later).
 */
public final class WebhookTargets {
  public static final int MAX_URL = 2048;
  private static final String UNRESOLVED = "does not resolve";

  private final boolean allowPrivate;

  public WebhookTargets(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /**
   * The URL parsed and checked, or a clear INVALID_ARGUMENT saying why not. A host that does
   * not resolve yet is taken (DNS may be away or the name not yet published); each post checks
   * again.
   */
  public URI checkedForSaving(String url) {
    URI uri = parse(url);
    refusal(uri).filter(reason -> !reason.endsWith(UNRESOLVED)).ifPresent(reason -> {
      throw DomainException.invalid("webhook URL refused: " + reason);
    });
    return uri;
  }

  /** Why a post to this URL must not go out now, or empty when it may. */
  public Optional<String> refusal(URI uri) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      return Optional.of("host " + uri.getHost() + " " + UNRESOLVED);
    }
    if (allowPrivate) {
      return Optional.empty();
    }
    for (InetAddress address : addresses) {
      if (isPrivate(address)) {
        return Optional.of("host " + uri.getHost() + " resolves to a loopback, link-local or"
            + " private address (switchboard.webhooks.allow-private-addresses is off)");
      }
    }
    return Optional.empty();
  }

  static URI parse(String url) {
    if (url == null || url.isBlank() || url.length() > MAX_URL) {
      throw DomainException.invalid("webhook URL must be 1 to " + MAX_URL + " characters");
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
          || uri.getUserInfo() != null) {
        throw DomainException.invalid("webhook URL must be http:// or https:// with a host"
            + " and no user info");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw DomainException.invalid("webhook URL is not a valid URL");
    }
  }

  static boolean isPrivate(InetAddress a) {
    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isAnyLocalAddress() || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8, 198.18.0.0/15 benchmarking.
      return (first == 100 && second >= 64 && second < 128) || first == 0
          || (first == 198 && (second == 18 || second == 19));
    }
    if (a instanceof Inet6Address) {
      // fc00::/7 unique local; an IPv4-mapped address is judged as its IPv4 address.
      if ((b[0] & 0xfe) == 0xfc) {
        return true;
      }
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }
}
