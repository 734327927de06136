package dev.jobsdk.mock.internal;

import java.util.Locale;

/** A job's vendor-neutral phase; each vendor shows it in its own words. */
public enum Phase {
  /** Queued, or waiting for a retry. */
  PENDING,
  /** Running through its stages. */
  RUNNING,
  /** Completed with a result. */
  SUCCEEDED,
  /** Failed with an error. */
  FAILED,
  /** Cancelled. */
  CANCELLED,
  /** Expired or removed: the API answers 404. */
  GONE;

  /** @return whether a client polling the job should stop */
  public boolean terminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  /**
   * Reads a status word of any vendor, or a neutral one.
   *
   * @param status e.g. {@code ready}, {@code COMPLETED}, {@code processing}, {@code expired}
   * @return the phase
   * @throws IllegalArgumentException for an unknown word
   */
  public static Phase parse(String status) {
    if (status == null) {
      throw new IllegalArgumentException("status is required");
    }
    return switch (status.trim().toLowerCase(Locale.ROOT)) {
      case "pending", "queued" -> PENDING;
      case "running", "processing" -> RUNNING;
      case "completed", "complete", "succeeded", "success", "ready" -> SUCCEEDED;
      case "failed" -> FAILED;
      case "cancelled", "canceled" -> CANCELLED;
      case "expired", "gone" -> GONE;
      default -> throw new IllegalArgumentException("unknown status '" + status + "'; use pending, running, "
          + "processing, completed, ready, succeeded, failed, cancelled or expired");
    };
  }
}
