package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.Progress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A growth run as {@code GET /api/v1/growth/runs/{run_id}} (or the 202 answer of {@code POST
 * /api/v1/growth/run}) reports it.
 *
 * <p>Statuses map like a {@link BdJob}'s. {@link #progress()} carries the percentage, the message
 * and the {@link #rawStageStatus() stage statuses}, so a wait's listener hears every change of a
 * stage's status, not only changes of the percentage.
 *
 * @param id the run id (a UUID; {@code run_id}); documented as the id of the BD job created for
 *     the run
 * @param status the documented status, {@link JobStatus#UNKNOWN} for a new one
 * @param rawStatus the status exactly as sent
 * @param rawStageStatus each stage's status exactly as sent, in the server's order, such as
 *     {@code {"email_lookup": "completed", "email_verify": "running"}}; {@link #stageStatus()}
 *     reads them as {@link JobStatus}
 * @param progress the percentage and message of {@code progress}, with {@link #rawStageStatus()} as
 *     its stages; empty when the server sent neither
 * @param resultHandles result records, when completed (shape not documented)
 * @param artifactHandles downloadable artifacts, when completed
 * @param exportHandles export-ready files (CSV, JSON), when available (shape not documented)
 * @param preview delivered counts, pricing and rebate credits (shape not documented; empty
 *     object while running)
 * @param dataSourceMix how many records were enriched, and from which stages (shape not
 *     documented)
 * @param gapReport records that could not be enriched or verified (shape not documented)
 * @param rawJson the run exactly as the API sent it, including fields this SDK does not model;
 *     present for every run read from the API (left out of {@link #toString()})
 */
public record GrowthRun(
    String id,
    JobStatus status,
    String rawStatus,
    Map<String, String> rawStageStatus,
    Optional<Progress> progress,
    List<JsonValue> resultHandles,
    List<BdAsset> artifactHandles,
    List<JsonValue> exportHandles,
    JsonValue preview,
    JsonValue dataSourceMix,
    JsonValue gapReport,
    Optional<String> rawJson)
    implements JobSnapshot {

  /**
   * Creates the record, copying its lists and JSON objects.
   *
   * @param id see {@link #id()}
   * @param status see {@link #status()}
   * @param rawStatus see {@link #rawStatus()}
   * @param rawStageStatus see {@link #rawStageStatus()}
   * @param progress see {@link #progress()}
   * @param resultHandles see {@link #resultHandles()}
   * @param artifactHandles see {@link #artifactHandles()}
   * @param exportHandles see {@link #exportHandles()}
   * @param preview see {@link #preview()}
   * @param dataSourceMix see {@link #dataSourceMix()}
   * @param gapReport see {@link #gapReport()}
   * @param rawJson see {@link #rawJson()}; empty for a run not read from the API
   * @throws NullPointerException if a component is null (use empty optionals and lists)
   */
  public GrowthRun {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rawStatus, "rawStatus");
    rawStageStatus =
        rawStageStatus == null || rawStageStatus.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(rawStageStatus));
    Objects.requireNonNull(progress, "progress");
    resultHandles = Models.copyNodes(resultHandles);
    artifactHandles = List.copyOf(artifactHandles);
    exportHandles = Models.copyNodes(exportHandles);
    preview = Models.copy(preview, "preview");
    dataSourceMix = Models.copy(dataSourceMix, "dataSourceMix");
    gapReport = Models.copy(gapReport, "gapReport");
    rawJson = Models.copy(rawJson, "rawJson");
  }

  @Override
  public JobState state() {
    return status.toJobState();
  }

  /**
   * Returns each stage's status, in the server's order, read like the run's own status (any
   * case; {@link JobStatus#UNKNOWN} for a value this SDK does not know, whose text stays in
   * {@link #rawStageStatus()}).
   *
   * @return the stage statuses, such as {@code email_lookup=COMPLETED, email_verify=RUNNING}
   */
  public Map<String, JobStatus> stageStatus() {
    Map<String, JobStatus> out = new LinkedHashMap<>();
    rawStageStatus.forEach((stage, raw) -> out.put(stage, JobStatus.fromValue(raw)));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Returns why a failed run failed. The status page documents no error field, so this is the
   * progress message of a {@code failed} run, which is where the server describes the failure.
   *
   * @return the progress message of a failed run, or empty
   */
  @Override
  public Optional<String> errorMessage() {
    return status == JobStatus.FAILED ? progress.flatMap(Progress::message) : Optional.empty();
  }

  /**
   * Returns the result handles; copies.
   *
   * @return the handles as sent
   */
  @Override
  public List<JsonValue> resultHandles() {
    return Models.copyNodes(resultHandles);
  }

  /**
   * Returns the export handles; copies.
   *
   * @return the handles as sent
   */
  @Override
  public List<JsonValue> exportHandles() {
    return Models.copyNodes(exportHandles);
  }

  /**
   * Returns the preview; a copy.
   *
   * @return the object
   */
  @Override
  public JsonValue preview() {
    return preview;
  }

  /**
   * Returns the data source mix; a copy.
   *
   * @return the object
   */
  @Override
  public JsonValue dataSourceMix() {
    return dataSourceMix;
  }

  /**
   * Returns the gap report; a copy.
   *
   * @return the object
   */
  @Override
  public JsonValue gapReport() {
    return gapReport;
  }

  /**
   * Returns the run exactly as the API sent it, every field included; a copy, so changing it does
   * not change this run.
   *
   * @return the response body as a JSON tree; present for every run read from the API
   */
  @Override
  public Optional<String> rawJson() {
    return Models.copy(rawJson, "rawJson");
  }

  /**
   * Describes the run's modelled fields, without {@link #rawJson()}.
   *
   * @return a description in the usual record form
   */
  @Override
  public String toString() {
    return "GrowthRun[id="
        + id
        + ", status="
        + status
        + ", rawStatus="
        + rawStatus
        + ", stageStatus="
        + rawStageStatus
        + ", progress="
        + progress
        + ", resultHandles="
        + resultHandles
        + ", artifactHandles="
        + artifactHandles
        + ", exportHandles="
        + exportHandles
        + ", preview="
        + preview
        + ", dataSourceMix="
        + dataSourceMix
        + ", gapReport="
        + gapReport
        + ']';
  }
}
