package dev.jobsdk.core;

import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.internal.ExponentialBackoff;
import dev.jobsdk.core.internal.ProgressAwareBackoff;
import java.time.Duration;
import java.util.List;

/**
 * How long to wait before the next attempt: the next poll of a wait ({@link
 * PollingPolicy#backoff()}) or the next retry of a single call ({@link RetryPolicy#backoff()}).
 *
 * <p>A backoff is a pure function of the {@link Attempt} it is given, so one instance may serve
 * any number of waits at once. The caller bounds its answer: a wait never sleeps past the
 * policy's {@link PollingPolicy#maxInterval() max interval} or total timeout, and a call never
 * retries past its {@link RetryPolicy#deadline() deadline}.
 *
 * <pre>{@code
 * Backoff.fixed(Duration.ofSeconds(3));                                    // every 3 s
 * Backoff.exponential(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(30),
 *     PollingPolicy.Jitter.FULL);                                          // 1 s growing to 30 s
 * Backoff.progressAware(Backoff.exponential(Duration.ofSeconds(5), 1.5,
 *     Duration.ofSeconds(30), PollingPolicy.Jitter.EQUAL));                // from the job's ETA
 * }</pre>
 */
@FunctionalInterface
public interface Backoff {

  /**
   * Returns the delay before the next attempt.
   *
   * @param attempt what is known about the attempts so far
   * @return the delay, zero or positive
   */
  Duration delay(Attempt attempt);

  /** What a backoff knows when it picks the next delay. */
  interface Attempt {

    /**
     * Returns how many attempts were made so far (polls of a wait, sends of a call).
     *
     * @return at least 1
     */
    int number();

    /**
     * Returns the time since the wait or the call started.
     *
     * @return zero or positive
     */
    Duration elapsed();

    /**
     * Returns the completion percentages the job reported during this wait, oldest first, each
     * with the elapsed time of the poll that saw it. A run of equal values keeps its first and
     * last sample, so a plateau's length is known; the history is thinned, not cut, when it grows
     * long. Empty for single calls and for jobs that report no percentage.
     *
     * @return the progress history, unmodifiable
     */
    default List<ProgressSample> progress() {
      return List.of();
    }

    /**
     * Returns a uniformly distributed value in [0, 1) for jitter.
     *
     * @return the random value
     */
    double random();
  }

  /**
   * One reading of a job's completion percentage.
   *
   * @param elapsed when it was read, measured from the start of the wait
   * @param percent the percentage, 0 to 100
   */
  record ProgressSample(Duration elapsed, int percent) {

    /**
     * Validates the sample.
     *
     * @param elapsed when it was read, measured from the start of the wait; not negative
     * @param percent the percentage, 0 to 100
     */
    public ProgressSample {
      Checks.nonNegative(elapsed, "elapsed");
      if (percent < 0 || percent > 100) {
        throw new IllegalArgumentException("percent must be between 0 and 100, was " + percent);
      }
    }
  }

  /**
   * Returns a backoff that always waits the same time.
   *
   * @param interval positive
   * @return the backoff
   */
  static Backoff fixed(Duration interval) {
    Checks.positive(interval, "interval");
    return new ExponentialBackoff(interval, 1.0, interval, PollingPolicy.Jitter.NONE);
  }

  /**
   * Returns a backoff that waits {@code initial} after the first attempt and {@code multiplier}
   * times longer after each further one, up to {@code max}, then applies {@code jitter}: the delay
   * after attempt <i>n</i> is {@code jitter(min(max, initial * multiplier^(n-1)))}.
   *
   * @param initial the first delay, positive
   * @param multiplier the growth per attempt, finite and at least 1.0
   * @param max the largest delay before jitter, at least {@code initial}
   * @param jitter how each delay is randomised
   * @return the backoff
   * @throws IllegalArgumentException if an argument is out of range, naming it
   */
  static Backoff exponential(
      Duration initial, double multiplier, Duration max, PollingPolicy.Jitter jitter) {
    Checks.positive(initial, "initial");
    Checks.positive(max, "max");
    Checks.notNull(jitter, "jitter");
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException(
          "multiplier must be a finite number >= 1.0, was " + multiplier);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "max (" + max + ") must not be less than initial (" + initial + ")");
    }
    return new ExponentialBackoff(initial, multiplier, max, jitter);
  }

  /**
   * Returns a backoff that schedules polls from the job's own progress: it estimates when the
   * job will finish from the percentages reported so far (a robust fit, so noise, plateaus and
   * stage-shaped jumps do not throw it), polls sparsely while the end is far and about every
   * {@code near} as the estimate comes due. While the job reports no percentage, or the history
   * is too short or too erratic for a stable estimate, it delegates to {@code fallback}.
   *
   * <p>The next delay is about a quarter of the estimated time left; once the estimate has
   * passed without the job finishing, the delay grows again from {@code near} in proportion to
   * the overrun. The wait's max interval and total timeout bound every delay.
   *
   * @param fallback the backoff used without a stable estimate
   * @param near the delay near the estimated end (and the shortest delay), positive
   * @return the backoff
   */
  static Backoff progressAware(Backoff fallback, Duration near) {
    Checks.notNull(fallback, "fallback");
    Checks.positive(near, "near");
    return new ProgressAwareBackoff(fallback, near);
  }

  /**
   * Returns {@link #progressAware(Backoff, Duration)} with polls about every 2 s near the
   * estimated end.
   *
   * @param fallback the backoff used without a stable estimate
   * @return the backoff
   */
  static Backoff progressAware(Backoff fallback) {
    return progressAware(fallback, Duration.ofSeconds(2));
  }
}
