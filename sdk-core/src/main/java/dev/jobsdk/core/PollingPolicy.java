package dev.jobsdk.core;

import dev.jobsdk.core.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a wait polls a job: when to poll, how the interval grows, and when to give up.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()} or derive one from another with
 * {@link #toBuilder()}. Every vendor client has a default policy suited to its jobs, which {@code
 * handle.awaitCompletion(WaitOptions.of(policy))} overrides for one wait.
 *
 * <p>The first poll happens after {@link #initialDelay()}; each later delay comes from the
 * policy's {@link #backoff()}. Unless one is set, that is {@link Backoff#exponential} over {@link
 * #interval()}, {@link #multiplier()}, {@link #maxInterval()} and {@link #jitter()}: the delay
 * before poll <i>n</i> (n &ge; 2) is {@code min(maxInterval, interval * multiplier^(n-2))}, then
 * jittered. {@link Backoff#progressAware} instead schedules polls from the job's reported
 * progress. After a transient failure that carried a {@code Retry-After}, the server's delay is
 * used instead, clamped to {@link #minRetryAfter()}..{@link #maxRetryAfter()}. No backoff delay
 * exceeds {@link #maxInterval()}, and no delay runs past the total timeout: the last poll happens
 * at the deadline.
 *
 * <pre>{@code
 * PollingPolicy policy = PollingPolicy.builder()
 *     .interval(Duration.ofSeconds(2))
 *     .multiplier(1.5)
 *     .maxInterval(Duration.ofSeconds(30))
 *     .totalTimeout(Duration.ofMinutes(20))
 *     .build();
 * }</pre>
 */
public final class PollingPolicy {

  /** How a computed delay is randomised so that many waiting clients do not poll in step. */
  public enum Jitter {
    /** The computed delay exactly. */
    NONE,
    /** A uniformly random delay between zero and the computed delay. */
    FULL,
    /** Half the computed delay plus a uniformly random part of up to the other half. */
    EQUAL
  }

  /** What a wait does with a status this SDK does not recognise ({@link JobState#UNKNOWN}). */
  public enum UnknownStatus {
    /** Keep polling, as if the job were still running (the default). */
    KEEP_POLLING,
    /** End the wait with {@link UnexpectedJobStatusException}. */
    FAIL
  }

  private static final PollingPolicy DEFAULTS = new Builder().build();

  private final Duration initialDelay;
  private final Duration interval;
  private final double multiplier;
  private final Duration maxInterval;
  private final Jitter jitter;
  private final Duration totalTimeout;
  private final int maxPolls;
  private final Duration stallTimeout;
  private final int maxConsecutiveErrors;
  private final Duration minRetryAfter;
  private final Duration maxRetryAfter;
  private final UnknownStatus unknownStatus;
  private final Backoff backoff;
  private final Backoff effectiveBackoff;

  private PollingPolicy(Builder b) {
    this.initialDelay = b.initialDelay;
    this.interval = b.interval;
    this.multiplier = b.multiplier;
    this.maxInterval = b.maxInterval;
    this.jitter = b.jitter;
    this.totalTimeout = b.totalTimeout;
    this.maxPolls = b.maxPolls;
    this.stallTimeout = b.stallTimeout;
    this.maxConsecutiveErrors = b.maxConsecutiveErrors;
    this.minRetryAfter = b.minRetryAfter;
    this.maxRetryAfter = b.maxRetryAfter;
    this.unknownStatus = b.unknownStatus;
    this.backoff = b.backoff;
    this.effectiveBackoff =
        backoff != null ? backoff : Backoff.exponential(interval, multiplier, maxInterval, jitter);
  }

  /**
   * Returns the generic defaults: first poll at once, then every 2 s growing by 1.5x to 30 s with
   * equal jitter, a 1 h total timeout, no stall timeout, 5 consecutive transient errors allowed,
   * Retry-After clamped to 0..5 min, and unknown statuses polled through.
   *
   * @return the default policy
   */
  public static PollingPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder starting from {@link #defaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder starting from this policy's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns the delay before the first poll.
   *
   * @return the initial delay, zero or positive
   */
  public Duration initialDelay() {
    return initialDelay;
  }

  /**
   * Returns the delay between the first and the second poll.
   *
   * @return the base interval, positive
   */
  public Duration interval() {
    return interval;
  }

  /**
   * Returns the factor by which the interval grows after each poll.
   *
   * @return the multiplier, at least 1.0
   */
  public double multiplier() {
    return multiplier;
  }

  /**
   * Returns the longest delay between two polls: the cap of the exponential backoff (before
   * jitter), and the bound of every delay any {@link #backoff()} asks for.
   *
   * @return the maximum interval
   */
  public Duration maxInterval() {
    return maxInterval;
  }

  /**
   * Returns how each delay is randomised.
   *
   * @return the jitter mode
   */
  public Jitter jitter() {
    return jitter;
  }

  /**
   * Returns how long a wait may take in all before it ends in {@link JobTimeoutException}.
   *
   * @return the total timeout, positive
   */
  public Duration totalTimeout() {
    return totalTimeout;
  }

  /**
   * Returns how many polls a wait may make before it ends in {@link JobTimeoutException}.
   *
   * @return the poll limit; {@link Integer#MAX_VALUE} means no limit
   */
  public int maxPolls() {
    return maxPolls;
  }

  /**
   * Returns how long neither the state nor the progress may change before the wait ends in {@link
   * JobStalledException}.
   *
   * @return the stall timeout, or empty for none
   */
  public Optional<Duration> stallTimeout() {
    return Optional.ofNullable(stallTimeout);
  }

  /**
   * Returns how many polls in a row may fail transiently (see {@link JobSdkException#isRetryable()}); the
   * wait ends with that many-th error.
   *
   * @return the consecutive-error budget, at least 1
   */
  public int maxConsecutiveErrors() {
    return maxConsecutiveErrors;
  }

  /**
   * Returns the shortest delay a server's {@code Retry-After} may impose.
   *
   * @return the lower clamp
   */
  public Duration minRetryAfter() {
    return minRetryAfter;
  }

  /**
   * Returns the longest delay a server's {@code Retry-After} may impose.
   *
   * @return the upper clamp
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * Returns the strategy that picks the delay between polls: the one set with {@link
   * Builder#backoff(Backoff)}, else {@link Backoff#exponential} over {@link #interval()}, {@link
   * #multiplier()}, {@link #maxInterval()} and {@link #jitter()}.
   *
   * @return the backoff
   */
  public Backoff backoff() {
    return effectiveBackoff;
  }

  /**
   * Returns what a wait does with an unrecognised status.
   *
   * @return the handling of {@link JobState#UNKNOWN}
   */
  public UnknownStatus unknownStatus() {
    return unknownStatus;
  }

  /**
   * Clamps a server-suggested delay to {@link #minRetryAfter()}..{@link #maxRetryAfter()}.
   *
   * @param suggested the delay the server asked for
   * @return the delay to use
   */
  public Duration clampRetryAfter(Duration suggested) {
    Duration d = suggested.isNegative() ? Duration.ZERO : suggested;
    if (d.compareTo(minRetryAfter) < 0) {
      return minRetryAfter;
    }
    return d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PollingPolicy p
        && initialDelay.equals(p.initialDelay)
        && interval.equals(p.interval)
        && Double.compare(multiplier, p.multiplier) == 0
        && maxInterval.equals(p.maxInterval)
        && jitter == p.jitter
        && totalTimeout.equals(p.totalTimeout)
        && maxPolls == p.maxPolls
        && Objects.equals(stallTimeout, p.stallTimeout)
        && maxConsecutiveErrors == p.maxConsecutiveErrors
        && minRetryAfter.equals(p.minRetryAfter)
        && maxRetryAfter.equals(p.maxRetryAfter)
        && unknownStatus == p.unknownStatus
        && Objects.equals(backoff, p.backoff);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        initialDelay,
        interval,
        multiplier,
        maxInterval,
        jitter,
        totalTimeout,
        maxPolls,
        stallTimeout,
        maxConsecutiveErrors,
        minRetryAfter,
        maxRetryAfter,
        unknownStatus,
        backoff);
  }

  @Override
  public String toString() {
    return "PollingPolicy{initialDelay="
        + initialDelay
        + ", interval="
        + interval
        + ", multiplier="
        + multiplier
        + ", maxInterval="
        + maxInterval
        + ", jitter="
        + jitter
        + ", totalTimeout="
        + totalTimeout
        + ", maxPolls="
        + (maxPolls == Integer.MAX_VALUE ? "unlimited" : maxPolls)
        + ", stallTimeout="
        + (stallTimeout == null ? "none" : stallTimeout)
        + ", maxConsecutiveErrors="
        + maxConsecutiveErrors
        + ", retryAfter="
        + minRetryAfter
        + ".."
        + maxRetryAfter
        + ", unknownStatus="
        + unknownStatus
        + (backoff == null ? "" : ", backoff=" + backoff)
        + '}';
  }

  /** Builds a {@link PollingPolicy}; every setter validates its argument at once. */
  public static final class Builder {
    private Duration initialDelay = Duration.ZERO;
    private Duration interval = Duration.ofSeconds(2);
    private double multiplier = 1.5;
    private Duration maxInterval = Duration.ofSeconds(30);
    private Jitter jitter = Jitter.EQUAL;
    private Duration totalTimeout = Duration.ofHours(1);
    private int maxPolls = Integer.MAX_VALUE;
    private Duration stallTimeout;
    private int maxConsecutiveErrors = 5;
    private Duration minRetryAfter = Duration.ZERO;
    private Duration maxRetryAfter = Duration.ofMinutes(5);
    private UnknownStatus unknownStatus = UnknownStatus.KEEP_POLLING;
    private Backoff backoff;

    private Builder() {}

    private Builder(PollingPolicy p) {
      initialDelay = p.initialDelay;
      interval = p.interval;
      multiplier = p.multiplier;
      maxInterval = p.maxInterval;
      jitter = p.jitter;
      totalTimeout = p.totalTimeout;
      maxPolls = p.maxPolls;
      stallTimeout = p.stallTimeout;
      maxConsecutiveErrors = p.maxConsecutiveErrors;
      minRetryAfter = p.minRetryAfter;
      maxRetryAfter = p.maxRetryAfter;
      unknownStatus = p.unknownStatus;
      backoff = p.backoff;
    }

    /**
     * Sets the delay before the first poll. Default zero.
     *
     * @param initialDelay zero or positive
     * @return this builder
     */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = nonNegative(initialDelay, "initialDelay");
      return this;
    }

    /**
     * Sets the delay between the first and the second poll. Default 2 s. Like {@link
     * #multiplier(double)} and {@link #jitter(Jitter)}, it replaces a {@link #backoff(Backoff)}
     * set before (such as a vendor default's progress-aware one) with the exponential backoff over
     * these settings, since that is the schedule it describes.
     *
     * @param interval positive
     * @return this builder
     */
    public Builder interval(Duration interval) {
      this.interval = positive(interval, "interval");
      this.backoff = null;
      return this;
    }

    /**
     * Sets the factor by which the interval grows after each poll; 1.0 polls at a fixed interval.
     * Default 1.5.
     *
     * @param multiplier at least 1.0 and finite
     * @return this builder
     */
    public Builder multiplier(double multiplier) {
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new IllegalArgumentException(
            "multiplier must be a finite number >= 1.0, was " + multiplier);
      }
      this.multiplier = multiplier;
      this.backoff = null;
      return this;
    }

    /**
     * Sets the largest interval. Default 30 s.
     *
     * @param maxInterval positive
     * @return this builder
     */
    public Builder maxInterval(Duration maxInterval) {
      this.maxInterval = positive(maxInterval, "maxInterval");
      return this;
    }

    /**
     * Sets how each delay is randomised. Default {@link Jitter#EQUAL}.
     *
     * @param jitter the jitter mode
     * @return this builder
     */
    public Builder jitter(Jitter jitter) {
      this.jitter = notNull(jitter, "jitter");
      this.backoff = null;
      return this;
    }

    /**
     * Sets how long a wait may take in all. Default 1 h.
     *
     * @param totalTimeout positive
     * @return this builder
     */
    public Builder totalTimeout(Duration totalTimeout) {
      this.totalTimeout = positive(totalTimeout, "totalTimeout");
      return this;
    }

    /**
     * Sets how many polls a wait may make. Default unlimited.
     *
     * @param maxPolls at least 1
     * @return this builder
     */
    public Builder maxPolls(int maxPolls) {
      if (maxPolls < 1) {
        throw new IllegalArgumentException("maxPolls must be at least 1, was " + maxPolls);
      }
      this.maxPolls = maxPolls;
      return this;
    }

    /**
     * Sets how long neither state nor progress may change before the wait gives up; null removes
     * the limit. Default none.
     *
     * @param stallTimeout positive, or null
     * @return this builder
     */
    public Builder stallTimeout(Duration stallTimeout) {
      this.stallTimeout = stallTimeout == null ? null : positive(stallTimeout, "stallTimeout");
      return this;
    }

    /**
     * Sets how many polls in a row may fail transiently before the wait ends with the last error.
     * Default 5.
     *
     * @param maxConsecutiveErrors at least 1
     * @return this builder
     */
    public Builder maxConsecutiveErrors(int maxConsecutiveErrors) {
      if (maxConsecutiveErrors < 1) {
        throw new IllegalArgumentException(
            "maxConsecutiveErrors must be at least 1, was " + maxConsecutiveErrors);
      }
      this.maxConsecutiveErrors = maxConsecutiveErrors;
      return this;
    }

    /**
     * Sets the range a server's {@code Retry-After} is clamped to. Default 0..5 min.
     *
     * @param min zero or positive
     * @param max at least {@code min}
     * @return this builder
     */
    public Builder retryAfterClamp(Duration min, Duration max) {
      nonNegative(min, "minRetryAfter");
      nonNegative(max, "maxRetryAfter");
      if (max.compareTo(min) < 0) {
        throw new IllegalArgumentException(
            "maxRetryAfter (" + max + ") must not be less than minRetryAfter (" + min + ")");
      }
      this.minRetryAfter = min;
      this.maxRetryAfter = max;
      return this;
    }

    /**
     * Sets what a wait does with an unrecognised status. Default {@link UnknownStatus#KEEP_POLLING}.
     *
     * @param unknownStatus the handling
     * @return this builder
     */
    public Builder unknownStatus(UnknownStatus unknownStatus) {
      this.unknownStatus = notNull(unknownStatus, "unknownStatus");
      return this;
    }

    /**
     * Sets the strategy that picks the delay between polls, for example {@link
     * Backoff#progressAware}; {@link #maxInterval(Duration)} still bounds every delay it asks for.
     * A later {@link #interval(Duration)}, {@link #multiplier(double)} or {@link #jitter(Jitter)}
     * replaces it with the exponential backoff over those settings.
     * Null goes back to the default: {@link Backoff#exponential} over the interval, multiplier,
     * max interval and jitter of this builder.
     *
     * @param backoff the backoff, or null
     * @return this builder
     */
    public Builder backoff(Backoff backoff) {
      this.backoff = backoff;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the immutable policy
     * @throws IllegalStateException if maxInterval is shorter than interval
     */
    public PollingPolicy build() {
      if (maxInterval.compareTo(interval) < 0) {
        throw new IllegalStateException(
            "maxInterval (" + maxInterval + ") must not be less than interval (" + interval + ")");
      }
      return new PollingPolicy(this);
    }
  }

  private static Duration positive(Duration d, String name) {
    return Checks.positive(d, name);
  }

  private static <T> T notNull(T value, String name) {
    return Checks.notNull(value, name);
  }

  private static Duration nonNegative(Duration d, String name) {
    return Checks.nonNegative(d, name);
  }
}
