package dev.jobsdk.core;

import java.time.Duration;

/**
 * The thread blocked in {@code awaitCompletion} was interrupted. Polling has stopped and the
 * thread's interrupt flag is set again, as a caller of a blocking method expects.
 */
public class JobInterruptedException extends JobWaitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param jobId the job waited for
   * @param lastSnapshot the last snapshot polled, or null
   * @param elapsed how long the wait took
   * @param polls how many polls it made
   * @param cause the interruption
   */
  public JobInterruptedException(
      String jobId, JobSnapshot lastSnapshot, Duration elapsed, int polls, Throwable cause) {
    super("Interrupted while waiting for job " + jobId, lastSnapshot, elapsed, polls, cause);
  }
}
