package dev.jobsdk.core;

import dev.jobsdk.core.internal.Checks;
import java.time.Duration;
import java.util.Optional;

/**
 * How a client's {@code awaitAll} waits for a set of jobs: the polling policy of each wait and a
 * deadline for the whole set. Immutable.
 */
public final class AwaitAllOptions {
  private static final AwaitAllOptions DEFAULTS = new Builder().build();

  private final PollingPolicy policy;
  private final Duration deadline;

  private AwaitAllOptions(Builder b) {
    this.policy = b.policy;
    this.deadline = b.deadline;
  }

  /**
   * Returns the defaults: the client's polling policy, no deadline beyond its total timeout.
   *
   * @return the default options
   */
  public static AwaitAllOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the policy of each wait.
   *
   * @return the policy, or empty for the client's default
   */
  public Optional<PollingPolicy> policy() {
    return Optional.ofNullable(policy);
  }

  /**
   * Returns the deadline of the set, counted from the start of the waits.
   *
   * @return the deadline, or empty for none beyond the policy's total timeout
   */
  public Optional<Duration> deadline() {
    return Optional.ofNullable(deadline);
  }

  @Override
  public String toString() {
    return "AwaitAllOptions{policy=" + policy + ", deadline=" + deadline + '}';
  }

  /** Builds {@link AwaitAllOptions}. */
  public static final class Builder {
    private PollingPolicy policy;
    private Duration deadline;

    private Builder() {}

    /**
     * Sets the polling policy of each wait. Default: the client's.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(PollingPolicy policy) {
      this.policy = Checks.notNull(policy, "policy");
      return this;
    }

    /**
     * Sets a deadline for the whole set: every wait still going when it passes ends with a {@link
     * JobTimeoutException} (the jobs themselves go on). Default: none beyond the policy's total
     * timeout.
     *
     * @param deadline positive, counted from the start of the waits
     * @return this builder
     */
    public Builder deadline(Duration deadline) {
      this.deadline = Checks.positive(deadline, "deadline");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public AwaitAllOptions build() {
      return new AwaitAllOptions(this);
    }
  }
}
