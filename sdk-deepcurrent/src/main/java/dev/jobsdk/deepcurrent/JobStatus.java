package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JobState;
import java.util.Locale;

/**
 * The documented status of a BD job or a growth run: {@code pending → running → completed |
 * failed | cancelled}. A status this SDK does not know is {@link #UNKNOWN}; the string the server
 * sent stays available from the model's {@code rawStatus()}, and an unknown status never ends a
 * wait by itself (see {@link dev.jobsdk.core.PollingPolicy.UnknownStatus}).
 */
public enum JobStatus {
  /** Accepted, not started yet. */
  PENDING("pending", JobState.PENDING),
  /** Being worked on. */
  RUNNING("running", JobState.RUNNING),
  /** Finished successfully; the result and its assets are available. */
  COMPLETED("completed", JobState.SUCCEEDED),
  /** Finished unsuccessfully. */
  FAILED("failed", JobState.FAILED),
  /** Stopped before finishing; the API's {@code cancelled}, also read in the {@code canceled} spelling. */
  CANCELLED("cancelled", JobState.CANCELLED),
  /** A status this SDK version does not recognise. */
  UNKNOWN("", JobState.UNKNOWN);

  private final String value;
  private final JobState state;

  JobStatus(String value, JobState state) {
    this.value = value;
    this.state = state;
  }

  /**
   * Returns the status for a string the server sent, ignoring case and surrounding whitespace.
   * Both spellings of cancelled ({@code cancelled}, {@code canceled}) are {@link #CANCELLED}.
   *
   * @param raw the status as sent; may be null
   * @return the status, {@link #UNKNOWN} for null or an unrecognised value
   */
  public static JobStatus fromValue(String raw) {
    if (raw == null) {
      return UNKNOWN;
    }
    String v = raw.strip().toLowerCase(Locale.ROOT);
    if (v.equals("canceled")) {
      return CANCELLED;
    }
    for (JobStatus s : values()) {
      if (s != UNKNOWN && s.value.equals(v)) {
        return s;
      }
    }
    return UNKNOWN;
  }

  /**
   * Returns the status as the API spells it.
   *
   * @return the wire value, such as {@code running}; empty for {@link #UNKNOWN}
   */
  public String value() {
    return value;
  }

  /**
   * Returns the vendor-neutral state this status maps to.
   *
   * @return the state
   */
  public JobState toJobState() {
    return state;
  }

  /**
   * Returns whether the job will not change any more.
   *
   * @return true for {@link #COMPLETED}, {@link #FAILED} and {@link #CANCELLED}
   */
  public boolean isTerminal() {
    return state.isTerminal();
  }
}
