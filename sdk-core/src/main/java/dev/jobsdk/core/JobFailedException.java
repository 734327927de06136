package dev.jobsdk.core;

import dev.jobsdk.core.internal.Untrusted;

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
            + Untrusted.text(snapshot.id(), 100)
            + " failed"
            + snapshot.errorMessage().map(m -> ": " + Untrusted.text(m)).orElse("")
            + " (status "
            + Untrusted.text(snapshot.rawStatus(), 100)
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
