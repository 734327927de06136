package dev.jobsdk.mock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scripted job lifecycle: how long the job stays queued, the stages it runs through, and how it
 * ends.
 *
 * <p>A job created at instant {@code c} is pending until {@code c + queued}, then runs through its
 * stages in order; progress grows linearly with the time spent across all stages, from 0 to 99
 * percent while running, and the current stage's name and message are what the vendor shows
 * (DeepCurrent's {@code progress_message} and {@code stage_status}). When the last stage ends, the
 * {@link Outcome} applies. Where a vendor retries (the Risk tool), each further attempt is pending for
 * {@code queued} again and then runs the stages again.
 *
 * <p>The visible state is computed from the lifecycle and the server's clock on every request; no
 * thread moves jobs. Instances are immutable and can be shared between jobs and servers.
 *
 * <p>A stage added with {@link Builder#unknownStatus(String, Duration, String)} shows its own status
 * word instead of the vendor's running word while it runs: a status the SDK does not know, which a
 * client should wait through.
 *
 * <pre>{@code
 * Lifecycle lifecycle = Lifecycle.builder()
 *     .queued(Duration.ofSeconds(5))
 *     .stage("contact_discovery", Duration.ofSeconds(60), "Discovering contacts at 2 companies...")
 *     .stage("email_verify", Duration.ofSeconds(30), "Verifying 14 email addresses...")
 *     .fail("upstream timeout")
 *     .build();
 * }</pre>
 */
public final class Lifecycle {

  private static final Duration MAX_ATTEMPT = Duration.ofDays(3_653);

  private final Duration queued;
  private final List<Stage> stages;
  private final Outcome outcome;
  private final Duration running;

  private Lifecycle(Builder builder) {
    this.queued = builder.queued;
    this.stages = List.copyOf(builder.stages);
    this.outcome = builder.outcome;
    Duration sum = Duration.ZERO;
    for (Stage stage : stages) {
      sum = sum.plus(stage.duration());
    }
    this.running = sum;
    if (queued.plus(sum).compareTo(MAX_ATTEMPT) > 0) {
      throw new IllegalArgumentException("queued time plus stages must not exceed 10 years, was " + queued.plus(sum));
    }
  }

  /**
   * Returns a new builder: no queueing, no stages, success.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A lifecycle that runs one stage named {@code running} for {@code duration} and then succeeds.
   *
   * @param duration how long the job runs
   * @return the lifecycle
   */
  public static Lifecycle succeedsAfter(Duration duration) {
    return builder().stage("running", duration, "Running...").build();
  }

  /**
   * A lifecycle that runs one stage named {@code running} for {@code duration} and then fails with
   * {@code message}.
   *
   * @param duration how long the job runs
   * @param message the failure message
   * @return the lifecycle
   */
  public static Lifecycle failsAfter(Duration duration, String message) {
    return builder().stage("running", duration, "Running...").fail(message).build();
  }

  /**
   * Returns how long a job stays pending before each attempt.
   *
   * @return the queued duration
   */
  public Duration queued() {
    return queued;
  }

  /**
   * Returns the stages in order.
   *
   * @return an immutable list of stages
   */
  public List<Stage> stages() {
    return stages;
  }

  /**
   * Returns the outcome applied when the last stage ends.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * Returns the sum of the stage durations: how long one attempt runs.
   *
   * @return the running time of one attempt
   */
  public Duration runningDuration() {
    return running;
  }

  /**
   * Returns a builder holding this lifecycle's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder().queued(queued).outcome(outcome);
    builder.stages.addAll(stages);
    return builder;
  }

  /**
   * Compares queueing, stages and outcome.
   *
   * @param o another object
   * @return whether both describe the same lifecycle
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Lifecycle other
        && queued.equals(other.queued)
        && stages.equals(other.stages)
        && outcome.equals(other.outcome);
  }

  /**
   * Hashes queueing, stages and outcome.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(queued, stages, outcome);
  }

  /**
   * Describes the lifecycle.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "Lifecycle[queued=" + queued + ", stages=" + stages + ", outcome=" + outcome + "]";
  }

  /**
   * One stage of a lifecycle.
   *
   * @param name the stage's name (DeepCurrent growth runs show it as a {@code stage_status} key)
   * @param duration how long the stage runs; not negative
   * @param message the progress message shown while the stage runs
   * @param status the status word the vendor shows while the stage runs, verbatim, instead of its
   *     running word ({@code running}, {@code processing}, {@code PROCESSING}); empty for the running
   *     word. Use it to show a status the SDK does not know.
   */
  public record Stage(String name, Duration duration, String message, Optional<String> status) {
    /**
     * Validates the stage.
     *
     * @param name the stage's name
     * @param duration how long the stage runs
     * @param message the progress message
     * @param status the status word shown while it runs, or empty
     */
    public Stage {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(status, "status");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      if (duration.isNegative()) {
        throw new IllegalArgumentException("duration must not be negative, was " + duration);
      }
      if (status.isPresent() && (status.get().isBlank() || status.get().length() > 64)) {
        throw new IllegalArgumentException("status must be 1 to 64 characters, was '" + status.get() + "'");
      }
    }

    /**
     * A stage that shows the vendor's running word.
     *
     * @param name the stage's name
     * @param duration how long the stage runs
     * @param message the progress message
     */
    public Stage(String name, Duration duration, String message) {
      this(name, duration, message, Optional.empty());
    }
  }

  /** Builds a {@link Lifecycle}. Not thread-safe. */
  public static final class Builder {
    private Duration queued = Duration.ZERO;
    private final List<Stage> stages = new ArrayList<>();
    private Outcome outcome = Outcome.succeed();

    private Builder() {
    }

    /**
     * Sets how long the job stays pending before each attempt. Default zero.
     *
     * @param queued the pending time; not negative
     * @return this builder
     */
    public Builder queued(Duration queued) {
      Objects.requireNonNull(queued, "queued");
      if (queued.isNegative()) {
        throw new IllegalArgumentException("queued must not be negative, was " + queued);
      }
      this.queued = queued;
      return this;
    }

    /**
     * Appends a stage.
     *
     * @param name the stage's name
     * @param duration how long it runs
     * @param message the progress message shown while it runs
     * @return this builder
     */
    public Builder stage(String name, Duration duration, String message) {
      stages.add(new Stage(name, duration, message));
      return this;
    }

    /**
     * Appends a stage during which the job's status field reads {@code status} verbatim instead of the
     * vendor's running word, e.g. {@code "paused"} or {@code "QUEUED_FOR_REVIEW"}: a status the SDK does
     * not know. A client should keep waiting through it. Progress keeps growing as in any stage.
     *
     * @param status the status word to show, 1 to 64 characters
     * @param duration how long the stage runs
     * @param message the progress message shown while it runs
     * @return this builder
     */
    public Builder unknownStatus(String status, Duration duration, String message) {
      Objects.requireNonNull(status, "status");
      stages.add(new Stage(status, duration, message, Optional.of(status)));
      return this;
    }

    /**
     * Appends a stage whose message is its name.
     *
     * @param name the stage's name
     * @param duration how long it runs
     * @return this builder
     */
    public Builder stage(String name, Duration duration) {
      return stage(name, duration, name);
    }

    /**
     * Replaces the stages.
     *
     * @param stages the stages in order
     * @return this builder
     */
    public Builder stages(List<Stage> stages) {
      List<Stage> copy = List.copyOf(stages);
      this.stages.clear();
      this.stages.addAll(copy);
      return this;
    }

    /**
     * Sets the outcome. Default {@link Outcome#succeed()}.
     *
     * @param outcome how the job ends
     * @return this builder
     */
    public Builder outcome(Outcome outcome) {
      this.outcome = Objects.requireNonNull(outcome, "outcome");
      return this;
    }

    /**
     * Shorthand for {@code outcome(Outcome.succeed())}.
     *
     * @return this builder
     */
    public Builder succeed() {
      return outcome(Outcome.succeed());
    }

    /**
     * Shorthand for {@code outcome(Outcome.fail(message))}.
     *
     * @param message the failure message
     * @return this builder
     */
    public Builder fail(String message) {
      return outcome(Outcome.fail(message));
    }

    /**
     * Shorthand for {@code outcome(Outcome.cancel())}.
     *
     * @return this builder
     */
    public Builder cancel() {
      return outcome(Outcome.cancel());
    }

    /**
     * Shorthand for {@code outcome(Outcome.expire())}.
     *
     * @return this builder
     */
    public Builder expire() {
      return outcome(Outcome.expire());
    }

    /**
     * Shorthand for {@code outcome(Outcome.failAttempts(attempts, message))}.
     *
     * @param attempts how many attempts fail
     * @param message the error of a failed attempt
     * @return this builder
     */
    public Builder failAttempts(int attempts, String message) {
      return outcome(Outcome.failAttempts(attempts, message));
    }

    /**
     * Builds the immutable lifecycle.
     *
     * @return the lifecycle
     * @throws IllegalArgumentException when one attempt (queued time plus stages) exceeds 10 years
     */
    public Lifecycle build() {
      return new Lifecycle(this);
    }
  }
}
