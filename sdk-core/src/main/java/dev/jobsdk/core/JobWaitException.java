package dev.jobsdk.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A wait for a job ended without the job succeeding. Carries what the wait had seen: the last
 * snapshot, how long it waited and how many polls it made, so that nothing a caller needs is lost
 * when a wait fails.
 */
public abstract class JobWaitException extends JobSdkException {
  private static final long serialVersionUID = 1L;

  private final transient JobSnapshot lastSnapshot;
  private final Duration elapsed;
  private final int polls;

  /**
   * Creates the exception.
   *
   * @param message what ended the wait
   * @param lastSnapshot the last snapshot polled, or null if no poll succeeded
   * @param elapsed how long the wait took
   * @param polls how many polls it made
   * @param cause the underlying cause, or null
   */
  protected JobWaitException(
      String message, JobSnapshot lastSnapshot, Duration elapsed, int polls, Throwable cause) {
    super(message, cause);
    this.lastSnapshot = lastSnapshot;
    this.elapsed = elapsed;
    this.polls = polls;
  }

  /**
   * Returns the last snapshot the wait polled.
   *
   * @return the snapshot, or empty if no poll succeeded
   */
  public Optional<JobSnapshot> lastSnapshot() {
    return Optional.ofNullable(lastSnapshot);
  }

  /**
   * Returns the last snapshot as the vendor's type, for example {@code
   * e.lastSnapshot(BdJob.class)}.
   *
   * @param type the vendor snapshot class
   * @param <T> the vendor snapshot type
   * @return the snapshot, or empty if no poll succeeded or it is of another type
   */
  public <T extends JobSnapshot> Optional<T> lastSnapshot(Class<T> type) {
    return type.isInstance(lastSnapshot) ? Optional.of(type.cast(lastSnapshot)) : Optional.empty();
  }

  /**
   * Returns how long the wait took, by the client's clock.
   *
   * @return the elapsed time
   */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * Returns how many polls the wait made, failed ones included.
   *
   * @return the poll count
   */
  public int polls() {
    return polls;
  }
}
