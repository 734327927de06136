package dev.jobsdk.core.internal;

import dev.jobsdk.core.JobCancelledException;
import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.JobSdkException;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JobStalledException;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.JobTimeoutException;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.Progress;
import dev.jobsdk.core.UnexpectedJobStatusException;
import dev.jobsdk.core.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.DoubleSupplier;

/**
 * The one place that decides what a wait does after each poll: finish, fail, or poll again after
 * a delay. Pure: it holds the wait's history but does no I/O and reads no clock.
 */
public final class PollDecision {

  /** The outcome of one poll. */
  public sealed interface Outcome permits Done, Fail, Continue {}

  /**
   * The job succeeded.
   *
   * @param snapshot the terminal snapshot
   */
  public record Done(JobSnapshot snapshot) implements Outcome {}

  /**
   * The wait ends with an exception.
   *
   * @param error the exception to complete the wait with
   */
  public record Fail(RuntimeException error) implements Outcome {}

  /**
   * Poll again.
   *
   * @param delay how long to wait before the next poll
   */
  public record Continue(Duration delay) implements Outcome {}

  /** The most progress samples a wait keeps for its backoff; older ones are thinned beyond it. */
  public static final int MAX_PROGRESS_SAMPLES = 64;

  private final String jobId;
  private final PollingPolicy policy;
  private final DoubleSupplier random;
  private final Instant start;
  private final Instant deadline;

  private int polls;
  private int consecutiveErrors;
  private JobSnapshot last;
  private Object lastKey;
  private Instant lastChange;
  private final List<Backoff.ProgressSample> progress = new ArrayList<>();

  /**
   * Starts the history of one wait.
   *
   * @param jobId the job waited for
   * @param policy the policy of the wait
   * @param start when the wait started
   * @param random a source of uniform values in [0, 1) for jitter
   */
  public PollDecision(String jobId, PollingPolicy policy, Instant start, DoubleSupplier random) {
    this.jobId = jobId;
    this.policy = policy;
    this.random = random;
    this.start = start;
    this.deadline = saturatedPlus(start, policy.totalTimeout());
    this.lastChange = start;
  }

  /**
   * Returns the delay before the first poll.
   *
   * @return the policy's initial delay, bounded by the total timeout
   */
  public Duration firstDelay() {
    return min(policy.initialDelay(), policy.totalTimeout());
  }

  /**
   * Records a successful poll and decides what follows.
   *
   * @param snapshot what the poll returned
   * @param now when the poll completed
   * @return the decision
   */
  public Outcome onSnapshot(JobSnapshot snapshot, Instant now) {
    polls++;
    consecutiveErrors = 0;
    Object key = changeKey(snapshot);
    if (!key.equals(lastKey)) {
      lastKey = key;
      lastChange = now;
    }
    last = snapshot;
    Duration elapsed = elapsed(now);
    JobState state = snapshot.state();
    OptionalInt percent = snapshot.progress().map(Progress::percent).orElse(OptionalInt.empty());
    if (percent.isPresent() && !elapsed.isNegative()) {
      record(new Backoff.ProgressSample(elapsed, percent.getAsInt()));
    }
    switch (state) {
      case SUCCEEDED:
        return new Done(snapshot);
      case FAILED:
        return new Fail(new JobFailedException(snapshot, elapsed, polls));
      case CANCELLED:
        return new Fail(new JobCancelledException(snapshot, elapsed, polls));
      case UNKNOWN:
        if (policy.unknownStatus() == PollingPolicy.UnknownStatus.FAIL) {
          return new Fail(new UnexpectedJobStatusException(snapshot, elapsed, polls));
        }
        break;
      default:
        break;
    }
    Optional<Duration> stall = policy.stallTimeout();
    if (stall.isPresent()) {
      Duration unchanged = Duration.between(lastChange, now);
      if (unchanged.compareTo(stall.get()) >= 0) {
        return new Fail(new JobStalledException(snapshot, unchanged, elapsed, polls));
      }
    }
    return next(now, backoff(now), null);
  }

  /**
   * Records a failed poll and decides what follows.
   *
   * @param error what the poll threw
   * @param now when the poll failed
   * @return the decision
   */
  public Outcome onError(RuntimeException error, Instant now) {
    polls++;
    consecutiveErrors++;
    boolean transientError = error instanceof JobSdkException e && e.isRetryable();
    if (!transientError || consecutiveErrors >= policy.maxConsecutiveErrors()) {
      return new Fail(error);
    }
    Duration delay =
        retryAfter(error)
            .map(policy::clampRetryAfter)
            .orElseGet(() -> backoff(now));
    return next(now, delay, error);
  }

  /**
   * Returns the last snapshot recorded.
   *
   * @return the snapshot, or null before the first successful poll
   */
  public JobSnapshot last() {
    return last;
  }

  /**
   * Returns how many polls were recorded.
   *
   * @return the poll count
   */
  public int polls() {
    return polls;
  }

  /**
   * Returns how long the wait has taken.
   *
   * @param now the current time
   * @return the elapsed time
   */
  public Duration elapsed(Instant now) {
    return Duration.between(start, now);
  }

  /**
   * Returns what must differ between two snapshots for the second to count as a change: state, raw
   * status or progress. This is the listener's de-duplication rule and the stall detector's.
   *
   * @param snapshot a snapshot
   * @return a key equal for snapshots a listener should not hear about twice
   */
  public static Object changeKey(JobSnapshot snapshot) {
    return new ChangeKey(
        snapshot.state(), snapshot.rawStatus(), snapshot.progress().orElse(null));
  }

  private record ChangeKey(JobState state, String rawStatus, Progress progress) {}

  private Outcome next(Instant now, Duration delay, RuntimeException lastError) {
    Duration elapsed = elapsed(now);
    if (polls >= policy.maxPolls()) {
      return new Fail(
          new JobTimeoutException(
              jobId, JobTimeoutException.Limit.MAX_POLLS, last, elapsed, polls, lastError));
    }
    if (!now.isBefore(deadline)) {
      return new Fail(
          new JobTimeoutException(
              jobId, JobTimeoutException.Limit.TOTAL_TIMEOUT, last, elapsed, polls, lastError));
    }
    Duration remaining = Duration.between(now, deadline);
    Duration bounded = min(delay, remaining);
    Optional<Duration> stall = policy.stallTimeout();
    if (stall.isPresent() && last != null) {
      Duration untilStall = Duration.between(now, saturatedPlus(lastChange, stall.get()));
      bounded = min(bounded, untilStall.isNegative() ? Duration.ZERO : untilStall);
    }
    return new Continue(bounded);
  }

  /**
   * Returns the policy's backoff delay after the poll just recorded, at most the max interval.
   *
   * @param now when the poll completed
   * @return the delay before the next poll
   */
  private Duration backoff(Instant now) {
    Duration elapsed = elapsed(now);
    Duration d =
        policy
            .backoff()
            .delay(
                new BackoffAttempt(
                    polls,
                    elapsed.isNegative() ? Duration.ZERO : elapsed,
                    Collections.unmodifiableList(progress),
                    random));
    if (d == null || d.isNegative()) {
      return Duration.ZERO;
    }
    return min(d, policy.maxInterval());
  }

  /**
   * Adds a reading to the progress history: a run of equal readings keeps only its first and
   * last sample, and a full history drops every other one of its older half.
   */
  private void record(Backoff.ProgressSample sample) {
    int size = progress.size();
    if (size >= 2
        && progress.get(size - 1).percent() == sample.percent()
        && progress.get(size - 2).percent() == sample.percent()) {
      progress.set(size - 1, sample);
      return;
    }
    if (size >= MAX_PROGRESS_SAMPLES) {
      List<Backoff.ProgressSample> kept = new ArrayList<>(size);
      int half = size / 2;
      for (int i = 0; i < half; i += 2) {
        kept.add(progress.get(i));
      }
      kept.addAll(progress.subList(half, size));
      progress.clear();
      progress.addAll(kept);
    }
    progress.add(sample);
  }

  /**
   * Returns the progress history the backoff sees.
   *
   * @return the samples, oldest first
   */
  List<Backoff.ProgressSample> progressHistory() {
    return List.copyOf(progress);
  }

  private static Optional<Duration> retryAfter(RuntimeException error) {
    return error instanceof dev.jobsdk.core.ApiException api
        ? api.retryAfter()
        : Optional.empty();
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Instant saturatedPlus(Instant instant, Duration d) {
    try {
      return instant.plus(d);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return Instant.MAX;
    }
  }

  @Override
  public String toString() {
    return "PollDecision{job=" + jobId + ", polls=" + polls + ", last=" + last + '}';
  }
}
