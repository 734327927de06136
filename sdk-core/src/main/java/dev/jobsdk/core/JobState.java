package dev.jobsdk.core;

/**
 * The vendor-neutral state of a job. Each vendor module maps its own status strings onto these
 * values; the original string stays available from {@link JobSnapshot#rawStatus()}.
 */
public enum JobState {
  /** Accepted but not started (queued, or waiting for a retry attempt). */
  PENDING,
  /** Being worked on. */
  RUNNING,
  /** Finished successfully; a result is available. */
  SUCCEEDED,
  /** Finished unsuccessfully; {@link JobSnapshot#errorMessage()} usually says why. */
  FAILED,
  /** Stopped before finishing. */
  CANCELLED,
  /**
   * A status this SDK version does not recognise. It never ends a wait by default: see {@link
   * PollingPolicy.UnknownStatus}.
   */
  UNKNOWN;

  /**
   * Returns whether a job in this state will not change again.
   *
   * @return true for {@link #SUCCEEDED}, {@link #FAILED} and {@link #CANCELLED}
   */
  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
