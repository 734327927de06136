package dev.jobsdk.mock.internal.vendor;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A vendor's documented request limit, counted on the mock's virtual clock: a token bucket (a steady
 * rate with a burst, as DeepIDV documents) or a fixed window (NestJS's throttler, as the Risk tool
 * uses). Keys are bounded: the least recently used of more than {@value #KEYS} are forgotten.
 */
public final class RateLimiter {

  private static final int KEYS = 10_000;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final boolean bucket;
  private final long limit;
  private final long windowNanos;
  private final Map<String, long[]> state = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
      return size() > KEYS;
    }
  };
  private Instant epoch;

  private RateLimiter(boolean bucket, long limit, long windowNanos) {
    this.bucket = bucket;
    this.limit = limit;
    this.windowNanos = windowNanos;
  }

  /**
   * A steady rate with a burst: {@code burst} requests at once, then {@code perSecond} a second.
   *
   * @param perSecond the sustained rate
   * @param burst the bucket's size
   * @return the limiter
   */
  public static RateLimiter tokenBucket(int perSecond, int burst) {
    return new RateLimiter(true, burst, NANOS_PER_SECOND / perSecond);
  }

  /**
   * At most {@code limit} requests in a window that starts with the first request after the last one
   * ended (NestJS throttler semantics).
   *
   * @param limit requests per window
   * @param window the window's length
   * @return the limiter
   */
  public static RateLimiter fixedWindow(int limit, Duration window) {
    return new RateLimiter(false, limit, window.toNanos());
  }

  /**
   * Counts one request.
   *
   * @param key whose budget it spends (an API key, a client)
   * @param now the clock's instant
   * @return {@code null} when allowed, else how long until a request would be allowed (at least 1 s)
   */
  public synchronized Duration acquire(String key, Instant now) {
    if (epoch == null) {
      epoch = now;
    }
    long t = Duration.between(epoch, now).toNanos();
    long[] s = state.get(key);
    if (bucket) {
      // GCRA: s[0] is the theoretical arrival time of the next request; a clock set back starts afresh
      long tolerance = (limit - 1) * windowNanos;
      long tat = s == null || s[0] - t > tolerance + windowNanos ? t : Math.max(s[0], t);
      if (tat - t > tolerance) {
        return atLeastASecond(tat - t - tolerance);
      }
      state.put(key, new long[] {tat + windowNanos});
      return null;
    }
    // s[0]: window start, s[1]: requests in it
    if (s == null || t - s[0] >= windowNanos || t < s[0]) {
      s = new long[] {t, 0};
      state.put(key, s);
    }
    if (s[1] >= limit) {
      return atLeastASecond(s[0] + windowNanos - t);
    }
    s[1]++;
    return null;
  }

  /** Forgets every key's budget. */
  public synchronized void reset() {
    state.clear();
    epoch = null;
  }

  private static Duration atLeastASecond(long nanos) {
    long seconds = (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    return Duration.ofSeconds(Math.max(1, seconds));
  }
}
