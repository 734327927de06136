package dev.jobsdk.core;

import dev.jobsdk.core.internal.Untrusted;

import java.time.Duration;

/**
 * Neither the job's state nor its progress changed for {@link PollingPolicy#stallTimeout()}. The job
 * may still finish.
 */
public class JobStalledException extends JobWaitException {
  private static final long serialVersionUID = 1L;

  private final Duration unchangedFor;

  /**
   * Creates the exception.
   *
   * @param lastSnapshot the last snapshot polled
   * @param unchangedFor how long nothing changed
   * @param elapsed how long the wait took
   * @param polls how many polls it made
   */
  public JobStalledException(
      JobSnapshot lastSnapshot, Duration unchangedFor, Duration elapsed, int polls) {
    super(
        "Job "
            + lastSnapshot.id()
            + " made no progress for "
            + unchangedFor
            + " (status "
            + Untrusted.text(lastSnapshot.rawStatus(), 100)
            + lastSnapshot.progress().map(p -> ", " + p).orElse("")
            + ")",
        lastSnapshot,
        elapsed,
        polls,
        null);
    this.unchangedFor = unchangedFor;
  }

  /**
   * Returns how long neither state nor progress changed.
   *
   * @return the stalled duration
   */
  public Duration unchangedFor() {
    return unchangedFor;
  }
}
