package dev.jobsdk.deepidv.internal;

import dev.jobsdk.core.JobState;
import java.util.Locale;

/** Maps DeepIDV's job statuses to {@link JobState}. */
public final class Statuses {
  private Statuses() {}

  /**
   * Maps a status case-insensitively (older server builds sent {@code PENDING}): pending →
   * PENDING, processing → RUNNING, ready → SUCCEEDED, failed → FAILED.
   *
   * @param rawStatus the status as sent, may be null
   * @return the state, {@link JobState#UNKNOWN} for anything else
   */
  public static JobState state(String rawStatus) {
    if (rawStatus == null) {
      return JobState.UNKNOWN;
    }
    switch (rawStatus.strip().toLowerCase(Locale.ROOT)) {
      case "pending":
        return JobState.PENDING;
      case "processing":
        return JobState.RUNNING;
      case "ready":
        return JobState.SUCCEEDED;
      case "failed":
        return JobState.FAILED;
      default:
        return JobState.UNKNOWN;
    }
  }
}
