package dev.jobsdk.jobs;

import dev.jobsdk.core.JobState;

/**
 * The status of a Risk Intelligence Tool job, as {@code GET /api/jobs/:id} reports it.
 *
 * <p>Lifecycle: {@code PENDING} → {@code PROCESSING} → {@code COMPLETED}, or, when an attempt
 * fails, back to {@code PENDING} while attempts remain and {@code FAILED} after the last one. A
 * status this SDK does not know is {@link #UNKNOWN}; {@link Job#rawStatus()} keeps the string the
 * server sent.
 */
public enum JobStatus {
  /** Waiting for a worker: just created, or queued again after a failed attempt. */
  PENDING(JobState.PENDING),
  /** A worker is running an attempt. */
  PROCESSING(JobState.RUNNING),
  /** Finished; the result is set. */
  COMPLETED(JobState.SUCCEEDED),
  /** Every attempt failed; the error is set. */
  FAILED(JobState.FAILED),
  /** A status this version of the SDK does not recognise. */
  UNKNOWN(JobState.UNKNOWN);

  private final JobState state;

  JobStatus(JobState state) {
    this.state = state;
  }

  /**
   * Returns the jobsdk state this status maps to: {@code PENDING}→PENDING,
   * {@code PROCESSING}→RUNNING, {@code COMPLETED}→SUCCEEDED, {@code FAILED}→FAILED, anything
   * else → UNKNOWN.
   *
   * @return the state
   */
  public JobState state() {
    return state;
  }

  /**
   * Returns the status named by the server's string, ignoring case and surrounding whitespace
   * (the API sends upper case; {@code "completed"} is read as {@link #COMPLETED} too).
   *
   * @param value the server's value, such as {@code "PROCESSING"}; may be null
   * @return the status, or {@link #UNKNOWN} for null and unrecognised values
   */
  public static JobStatus fromValue(String value) {
    if (value != null) {
      String v = value.strip();
      for (JobStatus s : values()) {
        if (s != UNKNOWN && s.name().equalsIgnoreCase(v)) {
          return s;
        }
      }
    }
    return UNKNOWN;
  }
}
