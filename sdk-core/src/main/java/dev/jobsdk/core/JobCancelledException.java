package dev.jobsdk.core;

import dev.jobsdk.core.internal.Untrusted;

import java.time.Duration;

/**
 * The job ended in {@link JobState#CANCELLED} on the server's side; {@link #snapshot()} is the
 * cancelled job. (Cancelling a wait's future yourself ends it with the standard {@link
 * java.util.concurrent.CancellationException} instead.)
 */
public class JobCancelledException extends JobWaitException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param snapshot the cancelled job
   * @param elapsed how long the wait took
   * @param polls how many polls it made
   */
  public JobCancelledException(JobSnapshot snapshot, Duration elapsed, int polls) {
    super(
        "Job " + Untrusted.text(snapshot.id(), 100) + " was cancelled (status " + Untrusted.text(snapshot.rawStatus(), 100) + ")",
        snapshot,
        elapsed,
        polls,
        null);
  }

  /**
   * Returns the cancelled job.
   *
   * @return the terminal snapshot
   */
  public JobSnapshot snapshot() {
    return lastSnapshot().orElseThrow();
  }
}
