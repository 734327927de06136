package dev.jobsdk.core.internal;

import dev.jobsdk.core.TokenProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@link TokenProvider} that caches the token a login endpoint issued and fetches another
 * shortly before it expires (by the client's clock) or after the server rejected it. Vendors
 * implement {@link #fetch(IssuedToken)}: log in, or use the previous token's refresh token.
 */
public abstract class CachingTokenProvider implements TokenProvider {
  /** How long before its expiry a token is replaced. */
  public static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);

  private final Clock clock;
  private final Duration skew;
  private IssuedToken current;
  private Instant currentIssuedAt;
  private IssuedToken previous;

  /**
   * Creates the provider.
   *
   * @param clock the client's clock
   * @param skew how long before expiry to replace a token
   */
  protected CachingTokenProvider(Clock clock, Duration skew) {
    this.clock = clock;
    this.skew = skew;
  }

  /**
   * Obtains a new token.
   *
   * @param previous the token being replaced (expired or rejected), or null on the first call;
   *     its refresh token may be used
   * @return the new token
   */
  protected abstract IssuedToken fetch(IssuedToken previous);

  @Override
  public final synchronized String token() {
    if (current == null || expiresSoon(current)) {
      IssuedToken replaced = current != null ? current : previous;
      current = fetch(replaced);
      currentIssuedAt = clock.instant();
      previous = null;
    }
    return current.value();
  }

  @Override
  public final synchronized void invalidate(String rejectedToken) {
    if (current != null && current.value().equals(rejectedToken)) {
      previous = current;
      current = null;
    }
  }

  /**
   * A token is replaced {@code skew} before it expires, or at half its lifetime when it lives less
   * than twice the skew, so that short-lived tokens are neither fetched on every request nor used
   * up to the last moment.
   */
  private boolean expiresSoon(IssuedToken token) {
    Instant expiry = token.expiresAt();
    if (expiry == null) {
      return false;
    }
    Duration lifetime = Duration.between(currentIssuedAt, expiry);
    Duration margin = lifetime.compareTo(skew.multipliedBy(2)) < 0 ? lifetime.dividedBy(2) : skew;
    return !clock.instant().isBefore(expiry.minus(margin));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[token " + Redaction.REDACTED + "]";
  }
}
