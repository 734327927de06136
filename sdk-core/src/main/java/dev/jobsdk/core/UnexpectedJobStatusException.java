package dev.jobsdk.core;

import dev.jobsdk.core.internal.Untrusted;

import java.time.Duration;

/**
 * The job reported a status this SDK does not recognise and the policy says {@link
 * PollingPolicy.UnknownStatus#FAIL}. (By default unknown statuses are polled through.)
 */
public class UnexpectedJobStatusException extends JobWaitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param snapshot the job with the unknown status
   * @param elapsed how long the wait took
   * @param polls how many polls it made
   */
  public UnexpectedJobStatusException(JobSnapshot snapshot, Duration elapsed, int polls) {
    super(
        "Job " + Untrusted.text(snapshot.id(), 100) + " reported an unrecognised status '" + Untrusted.text(snapshot.rawStatus(), 100) + "'",
        snapshot,
        elapsed,
        polls,
        null);
  }
}
