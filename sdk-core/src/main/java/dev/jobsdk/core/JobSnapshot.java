package dev.jobsdk.core;

import java.util.Optional;

/**
 * What every vendor's job record has in common: the contract the poller works with.
 *
 * <p>Vendor models (records such as a DeepCurrent BD job or a DeepIDV async job) implement this
 * interface next to their own, fully typed accessors.
 */
public interface JobSnapshot {

  /**
   * Returns the job's identifier as the vendor issued it.
   *
   * @return the job id, never null
   */
  String id();

  /**
   * Returns the vendor-neutral state of the job.
   *
   * @return the state, {@link JobState#UNKNOWN} for a status this SDK does not recognise
   */
  JobState state();

  /**
   * Returns the status exactly as the vendor sent it, for logging and for statuses newer than this
   * SDK.
   *
   * @return the raw status string, never null (empty when the vendor sent none)
   */
  String rawStatus();

  /**
   * Returns the job's progress, where the vendor reports any.
   *
   * @return the progress, or empty
   */
  default Optional<Progress> progress() {
    return Optional.empty();
  }

  /**
   * Returns the vendor's description of a failure.
   *
   * @return the error message of a failed job, or empty
   */
  default Optional<String> errorMessage() {
    return Optional.empty();
  }

  /**
   * Returns the job exactly as the vendor's API returned it: every field, including those this
   * SDK version does not model yet. Useful for logging, for re-serialising the job as the API sent
   * it, and as an escape hatch for new fields.
   *
   * @return the response body exactly as the server sent it (JSON text), or empty where the
   *     snapshot was not read from one; parse it with {@link JsonValue#parse(String)} or any JSON
   *     library
   */
  default Optional<String> rawJson() {
    return Optional.empty();
  }
}
