package dev.jobsdk.core;

import dev.jobsdk.core.internal.Checks;
import java.util.Optional;

/**
 * How one wait runs: its {@link PollingPolicy} (default: the client's) and a {@link
 * ProgressListener} (default: none). Every job handle takes it, so every vendor waits the same way:
 *
 * <pre>{@code
 * BdJob done = client.bdJobs().handle(jobId).awaitCompletion(
 *     WaitOptions.of(patient, job -> log.info("{}", job.progress())));
 *
 * WaitOptions<BdJob> options = WaitOptions.<BdJob>builder()
 *     .policy(patient)
 *     .listener(job -> log.info("{}", job.progress()))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; one instance may serve any number of waits.
 *
 * @param <S> the snapshot type the listener receives
 */
public final class WaitOptions<S> {
  private static final WaitOptions<Object> DEFAULTS = new WaitOptions<>(new Builder<>());

  private final PollingPolicy policy;
  private final ProgressListener<? super S> listener;

  private WaitOptions(Builder<S> builder) {
    this.policy = builder.policy;
    this.listener = builder.listener;
  }

  /**
   * Returns the options of a wait with the client's policy and no listener.
   *
   * @param <S> the snapshot type
   * @return the default options
   */
  @SuppressWarnings("unchecked")
  public static <S> WaitOptions<S> defaults() {
    return (WaitOptions<S>) DEFAULTS;
  }

  /**
   * Returns options with {@code policy} and no listener.
   *
   * @param policy the policy of the wait
   * @param <S> the snapshot type
   * @return the options
   * @throws IllegalArgumentException if policy is null
   */
  public static <S> WaitOptions<S> of(PollingPolicy policy) {
    return WaitOptions.<S>builder().policy(policy).build();
  }

  /**
   * Returns options with the client's policy and {@code listener}.
   *
   * @param listener hears the first snapshot and each change of state or progress
   * @param <S> the snapshot type
   * @return the options
   * @throws IllegalArgumentException if listener is null
   */
  public static <S> WaitOptions<S> of(ProgressListener<? super S> listener) {
    return WaitOptions.<S>builder().listener(listener).build();
  }

  /**
   * Returns options with {@code policy} and {@code listener}.
   *
   * @param policy the policy of the wait
   * @param listener hears the first snapshot and each change of state or progress
   * @param <S> the snapshot type
   * @return the options
   * @throws IllegalArgumentException if either is null
   */
  public static <S> WaitOptions<S> of(PollingPolicy policy, ProgressListener<? super S> listener) {
    return WaitOptions.<S>builder().policy(policy).listener(listener).build();
  }

  /**
   * Returns a builder with the defaults.
   *
   * @param <S> the snapshot type
   * @return the builder
   */
  public static <S> Builder<S> builder() {
    return new Builder<>();
  }

  /**
   * Returns a builder that starts from these options.
   *
   * @return the builder
   */
  public Builder<S> toBuilder() {
    Builder<S> b = new Builder<>();
    b.policy = policy;
    b.listener = listener;
    return b;
  }

  /**
   * Returns the policy of the wait.
   *
   * @return the policy, or empty for the client's default
   */
  public Optional<PollingPolicy> policy() {
    return Optional.ofNullable(policy);
  }

  /**
   * Returns the listener of the wait.
   *
   * @return the listener, or empty for none
   */
  public Optional<ProgressListener<? super S>> listener() {
    return Optional.ofNullable(listener);
  }

  @Override
  public String toString() {
    return "WaitOptions{policy="
        + (policy == null ? "client default" : policy)
        + ", listener="
        + (listener == null ? "none" : "set")
        + "}";
  }

  /**
   * Builds {@link WaitOptions}. Not thread-safe.
   *
   * @param <S> the snapshot type
   */
  public static final class Builder<S> {
    private PollingPolicy policy;
    private ProgressListener<? super S> listener;

    private Builder() {}

    /**
     * Sets the policy of the wait. Default: the client's ({@code pollingPolicy(..)} of its
     * builder, else the vendor's default).
     *
     * @param policy the policy
     * @return this builder
     * @throws IllegalArgumentException if policy is null
     */
    public Builder<S> policy(PollingPolicy policy) {
      this.policy = Checks.notNull(policy, "policy");
      return this;
    }

    /**
     * Sets the listener that hears the first snapshot and then each change of state or progress,
     * in order, the terminal snapshot last. An exception it throws is logged and does not end the
     * wait. Default: none.
     *
     * @param listener the listener
     * @return this builder
     * @throws IllegalArgumentException if listener is null
     */
    public Builder<S> listener(ProgressListener<? super S> listener) {
      this.listener = Checks.notNull(listener, "listener");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public WaitOptions<S> build() {
      return new WaitOptions<>(this);
    }
  }
}
