package dev.jobsdk.core;

import java.time.Duration;

/** The job ended in {@link JobState#FAILED}; {@link #snapshot()} is the failed job. */
public class JobFailedException extends JobWaitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param snapshot the failed job
   * @param elapsed how long the wait took
   * @param polls how many polls it made
   */
  public JobFailedException(JobSnapshot snapshot, Duration elapsed, int polls) {
    super(
        "Job "
            + snapshot.id()
            + " failed"
            + snapshot.errorMessage().map(m -> ": " + m).orElse("")
            + " (status "
            + snapshot.rawStatus()
            + ")",
        snapshot,
        elapsed,
        polls,
        null);
  }

  /**
   * Returns the failed job.
   *
   * @return the terminal snapshot
   */
  public JobSnapshot snapshot() {
    return lastSnapshot().orElseThrow();
  }
}
