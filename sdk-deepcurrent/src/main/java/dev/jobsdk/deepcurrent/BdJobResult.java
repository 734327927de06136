package dev.jobsdk.deepcurrent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The output of a BD job as {@code GET /api/v1/bd/jobs/{job_id}/result} reports it. The endpoint
 * answers at any status; until the job has produced a result, {@link #resultId()} is empty and
 * there are no assets.
 *
 * @param resultId the result record's id, empty while there is no result yet
 * @param jobId the job's id
 * @param status the job's documented status
 * @param rawStatus the job's status exactly as sent
 * @param progressPercent the job's completion, 0 to 100 (0 when not sent)
 * @param progressMessage the job's progress message
 * @param summary the aggregated counts ({@code delivered_contacts}, {@code verified_emails},
 *     {@code companies_processed}), {@link BdJobSummary#EMPTY} when not sent
 * @param warnings non-fatal warnings
 * @param assets the downloadable outputs ({@code result_assets})
 * @param createdAt when the result record was created
 * @param completedAt when the job completed
 */
public record BdJobResult(
    Optional<String> resultId,
    String jobId,
    JobStatus status,
    String rawStatus,
    int progressPercent,
    Optional<String> progressMessage,
    BdJobSummary summary,
    List<BdWarning> warnings,
    List<BdAsset> assets,
    Optional<Instant> createdAt,
    Optional<Instant> completedAt) {

  /**
   * Creates the record, copying its lists and JSON objects.
   *
   * @param resultId see {@link #resultId()}
   * @param jobId see {@link #jobId()}
   * @param status see {@link #status()}
   * @param rawStatus see {@link #rawStatus()}
   * @param progressPercent see {@link #progressPercent()}
   * @param progressMessage see {@link #progressMessage()}
   * @param summary see {@link #summary()}
   * @param warnings see {@link #warnings()}
   * @param assets see {@link #assets()}
   * @param createdAt see {@link #createdAt()}
   * @param completedAt see {@link #completedAt()}
   * @throws NullPointerException if a component is null (use empty optionals and lists)
   */
  public BdJobResult {
    Objects.requireNonNull(resultId, "resultId");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rawStatus, "rawStatus");
    Objects.requireNonNull(progressMessage, "progressMessage");
    Objects.requireNonNull(summary, "summary");
    warnings = List.copyOf(warnings);
    assets = List.copyOf(assets);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(completedAt, "completedAt");
  }

  /**
   * Returns whether the job has produced its result.
   *
   * @return true when {@link #resultId()} is present
   */
  public boolean isAvailable() {
    return resultId.isPresent();
  }

  /**
   * Returns the asset with this id.
   *
   * @param assetId the asset id, such as {@code verified_contacts}
   * @return the asset, or empty
   */
  public Optional<BdAsset> asset(String assetId) {
    return assets.stream().filter(a -> a.assetId().equals(assetId)).findFirst();
  }
}
