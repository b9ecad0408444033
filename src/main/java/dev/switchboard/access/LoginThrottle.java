package dev.switchboard.access;

import dev.switchboard.ratelimit.BucketKeys;
import dev.switchboard.ratelimit.Limit;
import dev.switchboard.ratelimit.RateBuckets;
import dev.switchboard.ratelimit.Verdict;
import dev.switchboard.shared.RateLimitExceeded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Slows password guessing without locking owners out. Every attempt takes a token, before the
 * password is checked, from two buckets: one per (domain, user, client address) and one per
 * client address. Their limits are layered (e.g. 5 per minute, 10 per 15 minutes, 20 per 6
 * hours), so each further failure waits longer: a progressive back-off. A successful login
 * refills the (user, address) bucket and gives the address its token back; an attacker
 * elsewhere therefore never keeps the owner out, and one address spraying guesses over many
 * users meets its own limit. Taking the token is atomic (Bucket4j), so concurrent guesses are
 * all counted: of 40 at once, exactly as many are checked as the bucket holds, the rest are
 * refused with the time to wait. With Redis configured the buckets are shared by every node.
 * Unknown users are counted alike, so the answers reveal nothing about who exists.
 */
public class LoginThrottle {
  /** Layered limits for one (user, address) and for one address. */
  public record Limits(List<Limit> perUserAndAddress, List<Limit> perAddress) {
    public Limits {
      perUserAndAddress = List.copyOf(perUserAndAddress);
      perAddress = List.copyOf(perAddress);
    }
  }

  /** One admitted attempt; hand it back on success. */
  public record Attempt(String userKey, String addressKey) {}

  private static final String MESSAGE = "Too many failed logins; try again later";

  private final RateBuckets buckets;
  private final Limits limits;
  private final Counter refusals;

  public LoginThrottle(RateBuckets buckets, Limits limits, MeterRegistry meters) {
    this.buckets = buckets;
    this.limits = limits;
    this.refusals =
        Counter.builder("switchboard.login.refusals")
            .description("Login attempts refused by the login throttle, before any password check")
            .register(meters);
  }

  /**
   * Admits one attempt for the user from the address, or refuses it ({@link RateLimitExceeded}
   * with the time to wait) without counting it.
   */
  public Attempt begin(String domain, String userId, String clientAddress) {
    String address = clientAddress == null ? "" : clientAddress;
    String addressKey = BucketKeys.of("login-address", address);
    String userKey = BucketKeys.of("login-user", domain, userId, address);
    Verdict byAddress = buckets.tryConsume(addressKey, limits.perAddress());
    if (!byAddress.allowed()) {
      refusals.increment();
      throw new RateLimitExceeded(MESSAGE, byAddress.retryAfter());
    }
    Verdict byUser = buckets.tryConsume(userKey, limits.perUserAndAddress());
    if (!byUser.allowed()) {
      buckets.refund(addressKey, limits.perAddress());
      refusals.increment();
      throw new RateLimitExceeded(MESSAGE, byUser.retryAfter());
    }
    return new Attempt(userKey, addressKey);
  }

  /** The password was right: the owner starts afresh, and the address gets its token back. */
  public void succeeded(Attempt attempt) {
    buckets.reset(attempt.userKey());
    buckets.refund(attempt.addressKey(), limits.perAddress());
  }
}
