package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.Progress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A BD job as {@code GET /api/v1/bd/jobs/{job_id}} (or the 202 answer of its creation) reports it.
 *
 * <p>Statuses map to the vendor-neutral {@link JobState}: {@code pending} → PENDING, {@code
 * running} → RUNNING, {@code completed} → SUCCEEDED, {@code failed} → FAILED, {@code cancelled} →
 * CANCELLED, anything else → UNKNOWN (kept in {@link #rawStatus()}).
 *
 * @param id the job id (a UUID; {@code job_id})
 * @param status the documented status, {@link JobStatus#UNKNOWN} for a new one
 * @param rawStatus the status exactly as sent
 * @param progressPercent completion from 0 to 100 ({@code progress_percent}; 0 when not sent)
 * @param progressMessage what the job is doing, such as {@code "Discovering contacts at 2
 *     companies..."}
 * @param preset the preset, or empty when capabilities were requested instead
 * @param requestedCapabilities the capabilities the planner resolved
 * @param warnings non-fatal planning and execution warnings, as sent (their shape is not
 *     documented; usually strings)
 * @param errorMessage why the job failed, set when status is {@code failed}
 * @param createdAt when the job was created
 * @param updatedAt when its status last changed (not part of the creation answer)
 * @param startedAt when it left {@code pending}
 * @param completedAt when it reached a terminal status
 * @param rawJson the job exactly as the API sent it, including fields this SDK does not model;
 *     present for every job read from the API (left out of {@link #toString()})
 */
public record BdJob(
    String id,
    JobStatus status,
    String rawStatus,
    int progressPercent,
    Optional<String> progressMessage,
    Optional<BdPreset> preset,
    List<BdCapability> requestedCapabilities,
    List<BdWarning> warnings,
    Optional<String> errorMessage,
    Instant createdAt,
    Optional<Instant> updatedAt,
    Optional<Instant> startedAt,
    Optional<Instant> completedAt,
    Optional<String> rawJson)
    implements JobSnapshot {

  /**
   * Creates the record, copying its lists and JSON objects.
   *
   * @param id see {@link #id()}
   * @param status see {@link #status()}
   * @param rawStatus see {@link #rawStatus()}
   * @param progressPercent see {@link #progressPercent()}
   * @param progressMessage see {@link #progressMessage()}
   * @param preset see {@link #preset()}
   * @param requestedCapabilities see {@link #requestedCapabilities()}
   * @param warnings see {@link #warnings()}
   * @param errorMessage see {@link #errorMessage()}
   * @param createdAt see {@link #createdAt()}
   * @param updatedAt see {@link #updatedAt()}
   * @param startedAt see {@link #startedAt()}
   * @param completedAt see {@link #completedAt()}
   * @param rawJson see {@link #rawJson()}; empty for a job not read from the API
   * @throws NullPointerException if a component is null (use empty optionals and lists)
   */
  public BdJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rawStatus, "rawStatus");
    Objects.requireNonNull(progressMessage, "progressMessage");
    Objects.requireNonNull(preset, "preset");
    requestedCapabilities = List.copyOf(requestedCapabilities);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(errorMessage, "errorMessage");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(completedAt, "completedAt");
    rawJson = Models.copy(rawJson, "rawJson");
  }

  /**
   * Returns the job exactly as the API sent it, every field included; a copy, so changing it does
   * not change this job.
   *
   * @return the response body as a JSON tree; present for every job read from the API
   */
  @Override
  public Optional<String> rawJson() {
    return Models.copy(rawJson, "rawJson");
  }

  @Override
  public JobState state() {
    return status.toJobState();
  }

  /**
   * Returns the progress percentage (clamped to 0..100) and message.
   *
   * @return the progress, always present
   */
  @Override
  public Optional<Progress> progress() {
    return Optional.of(Models.progress(progressPercent, progressMessage.orElse(null), null));
  }

  /**
   * Describes the job's modelled fields, without {@link #rawJson()}.
   *
   * @return a description in the usual record form
   */
  @Override
  public String toString() {
    return "BdJob[id="
        + id
        + ", status="
        + status
        + ", rawStatus="
        + rawStatus
        + ", progressPercent="
        + progressPercent
        + ", progressMessage="
        + progressMessage
        + ", preset="
        + preset
        + ", requestedCapabilities="
        + requestedCapabilities
        + ", warnings="
        + warnings
        + ", errorMessage="
        + errorMessage
        + ", createdAt="
        + createdAt
        + ", updatedAt="
        + updatedAt
        + ", startedAt="
        + startedAt
        + ", completedAt="
        + completedAt
        + ']';
  }
}
