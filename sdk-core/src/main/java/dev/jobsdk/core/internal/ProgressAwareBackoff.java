package dev.jobsdk.core.internal;

import dev.jobsdk.core.Backoff;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link Backoff#progressAware}: a fraction of the estimated time left while the end is ahead,
 * about {@code near} as it comes due, growing again with the overrun once it has passed, and the
 * fallback without a stable estimate.
 *
 * @param fallback the backoff without a stable estimate
 * @param near the delay near the estimated end, and the shortest delay
 */
public record ProgressAwareBackoff(Backoff fallback, Duration near) implements Backoff {

  /** The share of the estimated time left that the next delay takes. */
  static final double AHEAD = 0.2;

  /** The share of the overrun that the next delay takes once the estimate has passed. */
  static final double OVERRUN = 0.2;

  @Override
  public Duration delay(Attempt attempt) {
    Optional<EtaEstimator.Estimate> estimate =
        EtaEstimator.estimate(attempt.progress(), attempt.elapsed());
    if (estimate.isEmpty()) {
      return fallback.delay(attempt);
    }
    double remaining = estimate.get().remaining();
    double seconds = remaining > 0 ? AHEAD * remaining : OVERRUN * -remaining;
    long nanos = (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 2.0);
    return nanos > near.toNanos() ? Duration.ofNanos(nanos) : near;
  }

  @Override
  public String toString() {
    return "progressAware(near " + near + ", else " + fallback + ")";
  }
}
