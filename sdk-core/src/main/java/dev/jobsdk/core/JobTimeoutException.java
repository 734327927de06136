package dev.jobsdk.core;

import dev.jobsdk.core.internal.Untrusted;

import java.time.Duration;

/**
 * The wait reached its total timeout or its poll limit before the job ended. The job itself may
 * still finish: {@link #lastSnapshot()} is what the wait saw last, and waiting again resumes.
 */
public class JobTimeoutException extends JobWaitException {
  private static final long serialVersionUID = 1L;

  /** What limit ended the wait. */
  public enum Limit {
    /** {@link PollingPolicy#totalTimeout()} passed. */
    TOTAL_TIMEOUT,
    /** {@link PollingPolicy#maxPolls()} polls were made. */
    MAX_POLLS
  }

  private final Limit limit;

  /**
   * Creates the exception.
   *
   * @param jobId the job waited for
   * @param limit which limit was reached
   * @param lastSnapshot the last snapshot polled, or null
   * @param elapsed how long the wait took
   * @param polls how many polls it made
   * @param cause the last poll's error if the last poll failed, or null
   */
  public JobTimeoutException(
      String jobId,
      Limit limit,
      JobSnapshot lastSnapshot,
      Duration elapsed,
      int polls,
      Throwable cause) {
    super(
        "Gave up waiting for job "
            + jobId
            + (limit == Limit.MAX_POLLS ? " after the poll limit of " + polls + " polls" : "")
            + " after "
            + elapsed
            + " and "
            + polls
            + " polls"
            + (lastSnapshot == null ? "" : "; last status " + Untrusted.text(lastSnapshot.rawStatus(), 100))
            + " (the job may still finish)",
        lastSnapshot,
        elapsed,
        polls,
        cause);
    this.limit = limit;
  }

  /**
   * Returns which limit ended the wait.
   *
   * @return the limit
   */
  public Limit limit() {
    return limit;
  }
}
