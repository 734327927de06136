package dev.jobsdk.jobs;

import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.Progress;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.internal.JsonValues;
import dev.jobsdk.jobs.internal.Results;
import java.time.Instant;
import java.util.Optional;

/**
 * A Risk Intelligence Tool job as {@code GET /api/jobs/:id} returns it: the raw job row.
 *
 * <p>Read the result with the accessor for the job's type, for example {@link
 * #aiPreviewResult()} or {@link #resultAs(Class)}; each is empty until the job has {@link
 * JobStatus#COMPLETED completed}. A job whose attempt failed goes back to {@link
 * JobStatus#PENDING} while attempts remain ({@code attempts < maxAttempts}); that is progress,
 * reported by {@link #progress()} as "retrying after failed attempt 1 of 3", not a failure.
 *
 * <p>{@link #rawJson()} keeps the response body exactly as the server sent it, fields this SDK does
 * not model included; it is left out of {@link #toString()} like the input and result.
 *
 * <p>The constructor (for tests and tools) takes a null {@code rawType} or {@code rawStatus} from
 * the enum's name and a null {@code type} or {@code status} from the raw string; null Optionals
 * become empty, a JSON-null result counts as no result, and the raw JSON is copied. It throws {@link
 * IllegalArgumentException} for a missing id, type, status, {@code createdAt} or {@code
 * updatedAt}, a negative count, or an enum that contradicts its raw string.
 *
 * @param id the job's UUID
 * @param type the job's type ({@link JobType#UNKNOWN} for a type this SDK does not know)
 * @param status the job's status ({@link JobStatus#UNKNOWN} for a status this SDK does not know)
 * @param input the request payload stored when the job was created; a JSON null node when the
 *     server sent none
 * @param result the worker's output, set once the job completed; its shape depends on the type
 * @param error the last failure's message, set once the job failed
 * @param attempts how many times a worker has started the job (0 before the first run)
 * @param maxAttempts how many attempts the job may take in all (the server's default is 3)
 * @param createdById the UUID of the user who created the job
 * @param createdAt when the job was created
 * @param updatedAt when the job last changed
 * @param startedAt when the latest attempt started
 * @param completedAt when the job completed or failed
 * @param rawType the type exactly as the server sent it
 * @param rawStatus the status exactly as the server sent it
 * @param rawJson the job exactly as the server sent it, every field included; present for every job
 *     read from the API, empty for one built without a response body
 */
public record Job(
    String id,
    JobType type,
    JobStatus status,
    JsonValue input,
    Optional<JsonValue> result,
    Optional<String> error,
    int attempts,
    int maxAttempts,
    Optional<String> createdById,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> startedAt,
    Optional<Instant> completedAt,
    String rawType,
    String rawStatus,
    Optional<String> rawJson)
    implements JobSnapshot {

  /** The number of attempts a job gets when the server does not say: the vendor's default. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /**
   * Creates the {@code Job}.
   *
   * @param id the job's UUID
   * @param type the job's type ({@link JobType#UNKNOWN} for a type this SDK does not know)
   * @param status the job's status ({@link JobStatus#UNKNOWN} for a status this SDK does not know)
   * @param input the request payload stored when the job was created; a JSON null node when the
   *     server sent none
   * @param result the worker's output, set once the job completed; its shape depends on the type
   * @param error the last failure's message, set once the job failed
   * @param attempts how many times a worker has started the job (0 before the first run)
   * @param maxAttempts how many attempts the job may take in all (the server's default is 3)
   * @param createdById the UUID of the user who created the job
   * @param createdAt when the job was created
   * @param updatedAt when the job last changed
   * @param startedAt when the latest attempt started
   * @param completedAt when the job completed or failed
   * @param rawType the type exactly as the server sent it
   * @param rawStatus the status exactly as the server sent it
   * @param rawJson the job exactly as the server sent it (copied, so later changes to the tree do
   *     not reach the job), or empty for a job built without a response body
   */
  public Job {
    Checks.notBlank(id, "id");
    if (rawType == null) {
      rawType = Checks.notNull(type, "type").name();
    }
    type = matching(type, JobType.fromValue(rawType), "type", rawType);
    if (rawStatus == null) {
      rawStatus = Checks.notNull(status, "status").name();
    }
    status = matching(status, JobStatus.fromValue(rawStatus), "status", rawStatus);
    input = input == null ? JsonValue.nullValue() : input;
    result = result == null ? Optional.empty() : result.filter(r -> !r.isNull() && !r.isMissing());
    error = error == null ? Optional.empty() : error;
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
    }
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("maxAttempts must not be negative, was " + maxAttempts);
    }
    createdById = createdById == null ? Optional.empty() : createdById;
    Checks.notNull(createdAt, "createdAt");
    Checks.notNull(updatedAt, "updatedAt");
    startedAt = startedAt == null ? Optional.empty() : startedAt;
    completedAt = completedAt == null ? Optional.empty() : completedAt;
    rawJson = rawJson == null ? Optional.empty() : rawJson;
  }

  private static <E extends Enum<E>> E matching(E given, E parsed, String name, String raw) {
    if (given != null && given != parsed) {
      throw new IllegalArgumentException(
          name + " " + given + " does not match raw" + Character.toUpperCase(name.charAt(0))
              + name.substring(1) + " '" + raw + "'");
    }
    return parsed;
  }

  /**
   * Returns the jobsdk state of the job's status (see {@link JobStatus#state()}).
   *
   * @return the state
   */
  @Override
  public JobState state() {
    return status.state();
  }

  /**
   * Describes progress the server does not state in so many words: a job back in {@code PENDING}
   * after a failed attempt reports "retrying after failed attempt 1 of 3", and a later attempt
   * that is running reports "attempt 2 of 3". The server reports no percentage.
   *
   * @return the progress, or empty for a first attempt and for finished jobs
   */
  @Override
  public Optional<Progress> progress() {
    if (status == JobStatus.PENDING && attempts > 0) {
      return Optional.of(
          Progress.of(null, "retrying after failed attempt " + attempts + " of " + maxAttempts));
    }
    if (status == JobStatus.PROCESSING && attempts > 1) {
      return Optional.of(Progress.of(null, "attempt " + attempts + " of " + maxAttempts));
    }
    return Optional.empty();
  }

  /**
   * Returns the failure message of a failed job, such as {@code "Bedrock API error:
   * ThrottlingException - Rate exceeded"}.
   *
   * @return the message, or empty
   */
  @Override
  public Optional<String> errorMessage() {
    return error;
  }

  /**
   * Returns the job exactly as {@code GET /api/jobs/:id} returned it, fields this SDK does not
   * model yet included: for logging, for re-serialising the job as the server sent it, and for
   * reading new fields. Each call returns a fresh copy, so changing it (redacting a download URL
   * before logging, say) does not change the job.
   *
   * @return the response body as a JSON tree; present for every job read from the API, empty for
   *     one built without a response body
   */
  @Override
  public Optional<String> rawJson() {
    return rawJson;
  }

  /**
   * Decodes the result into {@code resultType}: one of the SDK's result records, {@link JsonValue},
   * or any class Jackson can bind (useful for job types this SDK does not know yet).
   *
   * @param resultType the class to decode into
   * @param <T> the result type
   * @return the result, or empty while the job has none (it is not {@code COMPLETED} yet)
   * @throws IllegalArgumentException if {@code resultType} is null
   * @throws IllegalStateException if {@code resultType} is an SDK result record that belongs to
   *     another job type (asking an {@code AI_PREVIEW} job for a {@link ParseDocumentResult})
   * @throws InvalidResponseException if the result does not have the documented shape
   */
  public <T> Optional<T> resultAs(Class<T> resultType) {
    Checks.notNull(resultType, "resultType");
    JobType owner = JobType.ofResultType(resultType);
    if (owner != null && owner != type) {
      throw new IllegalStateException(
          "Job "
              + id
              + " is a "
              + rawType
              + " job; "
              + resultType.getSimpleName()
              + " is the result of "
              + owner
              + " jobs");
    }
    return result.map(r -> Results.decode(id, rawType, JsonValues.toNode(r), resultType));
  }

  /**
   * Returns the result of an {@link JobType#AI_PREVIEW} job.
   *
   * @return the result, or empty until the job completed
   * @throws IllegalStateException if this is not an {@code AI_PREVIEW} job
   * @throws InvalidResponseException if the result does not have the documented shape
   */
  public Optional<AiPreviewResult> aiPreviewResult() {
    return resultAs(AiPreviewResult.class);
  }

  /**
   * Returns the result of a {@link JobType#PARSE_DOCUMENT} job.
   *
   * @return the result, or empty until the job completed
   * @throws IllegalStateException if this is not a {@code PARSE_DOCUMENT} job
   * @throws InvalidResponseException if the result does not have the documented shape
   */
  public Optional<ParseDocumentResult> parseDocumentResult() {
    return resultAs(ParseDocumentResult.class);
  }

  /**
   * Returns the result of a {@link JobType#GAP_DETECTION} job.
   *
   * @return the result, or empty until the job completed
   * @throws IllegalStateException if this is not a {@code GAP_DETECTION} job
   * @throws InvalidResponseException if the result does not have the documented shape
   */
  public Optional<GapDetectionResult> gapDetectionResult() {
    return resultAs(GapDetectionResult.class);
  }

  /**
   * Returns the result of a {@link JobType#RISK_ANALYSIS} job.
   *
   * @return the result, or empty until the job completed
   * @throws IllegalStateException if this is not a {@code RISK_ANALYSIS} job
   * @throws InvalidResponseException if the result does not have the documented shape
   */
  public Optional<RiskAnalysisResult> riskAnalysisResult() {
    return resultAs(RiskAnalysisResult.class);
  }

  /**
   * Returns the result of a {@link JobType#REPORT_GENERATION} job, with the report's download URL.
   *
   * @return the result, or empty until the job completed
   * @throws IllegalStateException if this is not a {@code REPORT_GENERATION} job
   * @throws InvalidResponseException if the result does not have the documented shape
   */
  public Optional<ReportGenerationResult> reportGenerationResult() {
    return resultAs(ReportGenerationResult.class);
  }

  /**
   * Describes the job without its input and result, which can be large (a whole document's
   * text) or sensitive (a presigned download URL).
   *
   * @return a one-line description
   */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("Job[id=")
            .append(id)
            .append(", type=")
            .append(rawType)
            .append(", status=")
            .append(rawStatus)
            .append(", attempts=")
            .append(attempts)
            .append('/')
            .append(maxAttempts);
    error.ifPresent(e -> sb.append(", error=").append(e));
    result.ifPresent(r -> sb.append(", result=<").append(kind(r)).append('>'));
    sb.append(", createdAt=").append(createdAt).append(", updatedAt=").append(updatedAt);
    startedAt.ifPresent(t -> sb.append(", startedAt=").append(t));
    completedAt.ifPresent(t -> sb.append(", completedAt=").append(t));
    return sb.append(']').toString();
  }

  private static String kind(JsonValue v) {
    return v.getClass().getSimpleName().replace("Json", "").toUpperCase(java.util.Locale.ROOT);
  }
}
