package dev.jobsdk.core;

import dev.jobsdk.core.internal.Checks;
import java.time.Duration;
import java.util.Objects;

/**
 * How a single call (a retrieve, a result, a download, a create that carries an idempotency key)
 * is retried after a transient failure: a connection error, 408, 429 or 5xx.
 *
 * <p>A call is sent at most {@link #maxRetries()} more times, each after the delay its {@link
 * #backoff()} picks, or after the server's {@code Retry-After} when the failure carried one. The
 * {@link #deadline()} bounds the whole call, retries and waits included: no retry starts after
 * it, and a {@code Retry-After} that would end past it is not waited out. The call then fails
 * with the last error, which for a 429 is a {@link RateLimitException} whose {@link
 * ApiException#retryAfter()} says how long the server asked to wait. These retries are separate
 * from a wait's polling: a wait that receives such an error waits out the {@code Retry-After}
 * between polls, as its {@link PollingPolicy} allows, without holding a thread.
 *
 * <p>Immutable and thread-safe; set one with the client builder's {@code retryPolicy(..)}.
 *
 * <pre>{@code
 * RetryPolicy retries = RetryPolicy.builder()
 *     .maxRetries(4)
 *     .deadline(Duration.ofSeconds(20))
 *     .build();
 * }</pre>
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = new Builder().build();

  private final int maxRetries;
  private final Backoff backoff;
  private final Duration deadline;

  private RetryPolicy(Builder b) {
    this.maxRetries = b.maxRetries;
    this.backoff = b.backoff;
    this.deadline = b.deadline;
  }

  /**
   * Returns the defaults: 2 retries, 500 ms doubling to 8 s with equal jitter, a 60 s deadline.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
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
   * Returns how many times a call that failed transiently is sent again.
   *
   * @return zero or more
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * Returns the strategy for the delay before each retry; its {@link Backoff.Attempt#number()} is
   * the number of the attempt that failed.
   *
   * @return the backoff
   */
  public Backoff backoff() {
    return backoff;
  }

  /**
   * Returns how long a call may take in all, from its first attempt, before no retry is started
   * and no {@code Retry-After} is waited out.
   *
   * @return the deadline, positive
   */
  public Duration deadline() {
    return deadline;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy p
        && maxRetries == p.maxRetries
        && backoff.equals(p.backoff)
        && deadline.equals(p.deadline);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxRetries, backoff, deadline);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries="
        + maxRetries
        + ", backoff="
        + backoff
        + ", deadline="
        + deadline
        + '}';
  }

  /** Builds a {@link RetryPolicy}; every setter validates its argument at once. */
  public static final class Builder {
    private int maxRetries = 2;
    private Backoff backoff =
        Backoff.exponential(
            Duration.ofMillis(500), 2.0, Duration.ofSeconds(8), PollingPolicy.Jitter.EQUAL);
    private Duration deadline = Duration.ofSeconds(60);

    private Builder() {}

    private Builder(RetryPolicy p) {
      maxRetries = p.maxRetries;
      backoff = p.backoff;
      deadline = p.deadline;
    }

    /**
     * Sets how many times a call that failed transiently is sent again; zero turns retries off.
     * Default 2.
     *
     * @param maxRetries zero or more
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the strategy for the delay before each retry. Default: 500 ms doubling per retry up
     * to 8 s, with equal jitter.
     *
     * @param backoff the backoff
     * @return this builder
     */
    public Builder backoff(Backoff backoff) {
      this.backoff = Checks.notNull(backoff, "backoff");
      return this;
    }

    /**
     * Sets how long a call may take in all, retries and waits included. Default 60 s.
     *
     * @param deadline positive
     * @return this builder
     */
    public Builder deadline(Duration deadline) {
      this.deadline = Checks.positive(deadline, "deadline");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the immutable policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
