package dev.jobsdk.core.internal;

import dev.jobsdk.core.Backoff;
import dev.jobsdk.core.PollingPolicy;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * {@link Backoff#exponential} and {@link Backoff#fixed}: the one place the "initial times
 * multiplier to the power of attempts, capped, jittered" formula is written.
 *
 * @param initial the delay after the first attempt
 * @param multiplier the growth per attempt
 * @param max the cap before jitter
 * @param jitter the jitter mode
 */
public record ExponentialBackoff(
    Duration initial, double multiplier, Duration max, PollingPolicy.Jitter jitter)
    implements Backoff {

  @Override
  public Duration delay(Attempt attempt) {
    return jitter(base(attempt.number()), jitter, attempt::random);
  }

  /**
   * Returns the un-jittered delay after attempt {@code n}: {@code min(max, initial *
   * multiplier^(n-1))}.
   *
   * @param n the number of the attempt just made; values below 1 count as 1
   * @return the base delay
   */
  public Duration base(int n) {
    double nanos = initial.toNanos() * Math.pow(multiplier, Math.max(0, n - 1));
    long cap = max.toNanos();
    return Duration.ofNanos(nanos >= cap ? cap : (long) nanos);
  }

  /**
   * Applies a jitter mode to a delay.
   *
   * @param base the computed delay
   * @param jitter the mode
   * @param random uniform values in [0, 1)
   * @return the jittered delay, between zero and {@code base}
   */
  public static Duration jitter(Duration base, PollingPolicy.Jitter jitter, DoubleSupplier random) {
    long nanos = base.toNanos();
    switch (jitter) {
      case FULL:
        return Duration.ofNanos((long) (nanos * random.getAsDouble()));
      case EQUAL:
        long half = nanos / 2;
        return Duration.ofNanos(half + (long) ((nanos - half) * random.getAsDouble()));
      default:
        return base;
    }
  }

  @Override
  public String toString() {
    if (multiplier == 1.0 && initial.equals(max) && jitter == PollingPolicy.Jitter.NONE) {
      return "fixed(" + initial + ")";
    }
    return "exponential(" + initial + " x" + multiplier + " to " + max + ", jitter " + jitter + ")";
  }
}
