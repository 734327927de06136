package dev.jobsdk.deepidv;

import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JobState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A DeepIDV async job as {@code GET /v1/async-jobs/{jobId}} reports it: a union discriminated on
 * its status. Each status is its own record, so a result exists only on {@link Ready} and an error
 * only on {@link Failed}:
 *
 * <pre>{@code
 * AsyncJob<AdverseMediaResult> job = client.asyncJobs().retrieve(jobId, AdverseMediaResult.class);
 * if (job instanceof AsyncJob.Ready<AdverseMediaResult> ready) {
 *   System.out.println(ready.result().riskLevel());
 * } else if (job instanceof AsyncJob.Failed<AdverseMediaResult> failed) {
 *   System.err.println(failed.error());
 * }
 * }</pre>
 *
 * <p>Every job read from the server keeps the response as it was sent, unknown fields included:
 * {@link #rawJson()} returns it (a fresh copy on each call, so changing it changes nothing else).
 * {@code toString()} leaves it out, as it may hold personal data.
 *
 * <p>A status this SDK does not know yet arrives as {@link Unknown} (state {@link
 * JobState#UNKNOWN}) with the whole response kept, instead of failing the call. Statuses are matched
 * case-insensitively ({@code "PENDING"} from older server builds is {@link Pending}); {@link
 * #rawStatus()} is the string exactly as sent.
 *
 * <p>{@link #createdAt()} is read whether the server sends epoch seconds or epoch milliseconds
 * (the vendor's documentation and its own SDK disagree): numbers below 10<sup>12</sup> are seconds.
 *
 * @param <R> the type the result of a {@link Ready} job is read as: {@link AdverseMediaResult}
 *     for a screening, {@link JsonValue} or {@code Map} for kinds this SDK does not model
 */
public sealed interface AsyncJob<R> extends JobSnapshot
    permits AsyncJob.Pending, AsyncJob.Processing, AsyncJob.Ready, AsyncJob.Failed,
        AsyncJob.Unknown {

  /**
   * Returns the job's id.
   *
   * @return the id, never null
   */
  String jobId();

  /**
   * Returns when the job was created.
   *
   * @return the creation time
   */
  Instant createdAt();

  /**
   * Returns when the job last changed.
   *
   * @return the last update time
   */
  Instant updatedAt();

  /**
   * Returns the job's id; the same as {@link #jobId()}.
   *
   * @return the id
   */
  @Override
  default String id() {
    return jobId();
  }

  /**
   * Queued, not yet picked up (status {@code pending}).
   *
   * @param jobId the job's id
   * @param rawStatus the status as sent
   * @param createdAt when the job was created
   * @param updatedAt when the job last changed
   * @param rawJson the response exactly as the server sent it (see {@link #rawJson()}), or empty
   *     for a job not read from a response
   * @param <R> the result type of the job once it is ready
   */
  record Pending<R>(
      String jobId,
      String rawStatus,
      Instant createdAt,
      Instant updatedAt,
      Optional<String> rawJson)
      implements AsyncJob<R> {
    /**
     * Checks the components and keeps a copy of the response.
     *
     * @param jobId the job's id
     * @param rawStatus the status as sent
     * @param createdAt when the job was created
     * @param updatedAt when the job last changed
     * @param rawJson the response as sent, or empty; null is taken as empty
     */
    public Pending {
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(rawStatus, "rawStatus");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(updatedAt, "updatedAt");
      rawJson = copyOf(rawJson);
    }

    /**
     * Returns {@link JobState#PENDING}.
     *
     * @return the state
     */
    @Override
    public JobState state() {
      return JobState.PENDING;
    }

    /**
     * Returns the response exactly as the server sent it.
     *
     * @return a copy of the response, or empty for a job not read from one
     */
    @Override
    public Optional<String> rawJson() {
      return copyOf(rawJson);
    }

    /**
     * Describes the job without the response it was read from.
     *
     * @return a short description
     */
    @Override
    public String toString() {
      return "Pending[jobId="
          + jobId
          + ", rawStatus="
          + rawStatus
          + ", createdAt="
          + createdAt
          + ", updatedAt="
          + updatedAt
          + "]";
    }
  }

  /**
   * Being worked on (status {@code processing}).
   *
   * @param jobId the job's id
   * @param rawStatus the status as sent
   * @param createdAt when the job was created
   * @param updatedAt when the job last changed
   * @param rawJson the response exactly as the server sent it (see {@link #rawJson()}), or empty
   *     for a job not read from a response
   * @param <R> the result type of the job once it is ready
   */
  record Processing<R>(
      String jobId,
      String rawStatus,
      Instant createdAt,
      Instant updatedAt,
      Optional<String> rawJson)
      implements AsyncJob<R> {
    /**
     * Checks the components and keeps a copy of the response.
     *
     * @param jobId the job's id
     * @param rawStatus the status as sent
     * @param createdAt when the job was created
     * @param updatedAt when the job last changed
     * @param rawJson the response as sent, or empty; null is taken as empty
     */
    public Processing {
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(rawStatus, "rawStatus");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(updatedAt, "updatedAt");
      rawJson = copyOf(rawJson);
    }

    /**
     * Returns {@link JobState#RUNNING}.
     *
     * @return the state
     */
    @Override
    public JobState state() {
      return JobState.RUNNING;
    }

    /**
     * Returns the response exactly as the server sent it.
     *
     * @return a copy of the response, or empty for a job not read from one
     */
    @Override
    public Optional<String> rawJson() {
      return copyOf(rawJson);
    }

    /**
     * Describes the job without the response it was read from.
     *
     * @return a short description
     */
    @Override
    public String toString() {
      return "Processing[jobId="
          + jobId
          + ", rawStatus="
          + rawStatus
          + ", createdAt="
          + createdAt
          + ", updatedAt="
          + updatedAt
          + "]";
    }
  }

  /**
   * Finished successfully (status {@code ready}); the result is available. Fetch it promptly: the
   * server deletes jobs after a retention period, after which the id answers 404.
   *
   * @param jobId the job's id
   * @param rawStatus the status as sent
   * @param createdAt when the job was created
   * @param updatedAt when the job last changed
   * @param result the result, read as the type the caller asked for
   * @param rawJson the response exactly as the server sent it, result included (see {@link
   *     #rawJson()}), or empty for a job not read from a response
   * @param <R> the result type
   */
  record Ready<R>(
      String jobId,
      String rawStatus,
      Instant createdAt,
      Instant updatedAt,
      R result,
      Optional<String> rawJson)
      implements AsyncJob<R> {
    /**
     * Checks the components and keeps a copy of the response.
     *
     * @param jobId the job's id
     * @param rawStatus the status as sent
     * @param createdAt when the job was created
     * @param updatedAt when the job last changed
     * @param result the result
     * @param rawJson the response as sent, or empty; null is taken as empty
     */
    public Ready {
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(rawStatus, "rawStatus");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(updatedAt, "updatedAt");
      Objects.requireNonNull(result, "result");
      rawJson = copyOf(rawJson);
    }

    /**
     * Returns {@link JobState#SUCCEEDED}.
     *
     * @return the state
     */
    @Override
    public JobState state() {
      return JobState.SUCCEEDED;
    }

    /**
     * Returns the response exactly as the server sent it, result included.
     *
     * @return a copy of the response, or empty for a job not read from one
     */
    @Override
    public Optional<String> rawJson() {
      return copyOf(rawJson);
    }

    /**
     * Describes the job without its result or response, which may hold personal data.
     *
     * @return a short description
     */
    @Override
    public String toString() {
      return "Ready[jobId=" + jobId + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + "]";
    }
  }

  /**
   * Finished unsuccessfully (status {@code failed}).
   *
   * @param jobId the job's id
   * @param rawStatus the status as sent
   * @param createdAt when the job was created
   * @param updatedAt when the job last changed
   * @param error what went wrong, as the server described it (for example {@code "upstream
   *     timeout"}); empty if it sent no description
   * @param rawJson the response exactly as the server sent it (see {@link #rawJson()}), or empty
   *     for a job not read from a response
   * @param <R> the result type the job would have had
   */
  record Failed<R>(
      String jobId,
      String rawStatus,
      Instant createdAt,
      Instant updatedAt,
      String error,
      Optional<String> rawJson)
      implements AsyncJob<R> {
    /**
     * Checks the components and keeps a copy of the response; a null error becomes empty.
     *
     * @param jobId the job's id
     * @param rawStatus the status as sent
     * @param createdAt when the job was created
     * @param updatedAt when the job last changed
     * @param error the failure description
     * @param rawJson the response as sent, or empty; null is taken as empty
     */
    public Failed {
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(rawStatus, "rawStatus");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(updatedAt, "updatedAt");
      error = error == null ? "" : error;
      rawJson = copyOf(rawJson);
    }

    /**
     * Returns {@link JobState#FAILED}.
     *
     * @return the state
     */
    @Override
    public JobState state() {
      return JobState.FAILED;
    }

    /**
     * Returns the failure description.
     *
     * @return the error, or empty if the server sent none
     */
    @Override
    public Optional<String> errorMessage() {
      return error.isBlank() ? Optional.empty() : Optional.of(error);
    }

    /**
     * Returns the response exactly as the server sent it.
     *
     * @return a copy of the response, or empty for a job not read from one
     */
    @Override
    public Optional<String> rawJson() {
      return copyOf(rawJson);
    }

    /**
     * Describes the job and its error, without the response it was read from.
     *
     * @return a short description
     */
    @Override
    public String toString() {
      return "Failed[jobId="
          + jobId
          + ", rawStatus="
          + rawStatus
          + ", createdAt="
          + createdAt
          + ", updatedAt="
          + updatedAt
          + ", error="
          + error
          + "]";
    }
  }

  /**
   * A status this SDK does not know. A wait keeps polling through it unless its policy says {@link
   * dev.jobsdk.core.PollingPolicy.UnknownStatus#FAIL}.
   *
   * @param jobId the job's id
   * @param rawStatus the status as sent
   * @param createdAt when the job was created
   * @param updatedAt when the job last changed
   * @param body the whole response, so that nothing the server sent is lost
   * @param rawJson the response exactly as the server sent it, or empty for a job built by hand
   * @param <R> the result type the job would have when ready
   */
  record Unknown<R>(
      String jobId,
      String rawStatus,
      Instant createdAt,
      Instant updatedAt,
      JsonValue body,
      Optional<String> rawJson)
      implements AsyncJob<R> {
    /**
     * Checks the components and keeps a copy of the response.
     *
     * @param jobId the job's id
     * @param rawStatus the status as sent
     * @param createdAt when the job was created
     * @param updatedAt when the job last changed
     * @param body the whole response
     * @param rawJson the response as sent, or empty; null is taken as empty
     */
    public Unknown {
      Objects.requireNonNull(jobId, "jobId");
      Objects.requireNonNull(rawStatus, "rawStatus");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(updatedAt, "updatedAt");
      body = Objects.requireNonNull(body, "body");
      rawJson = copyOf(rawJson);
    }

    /**
     * Returns {@link JobState#UNKNOWN}.
     *
     * @return the state
     */
    @Override
    public JobState state() {
      return JobState.UNKNOWN;
    }

    /**
     * Returns the response exactly as the server sent it.
     *
     * @return the body text, or empty for a job built by hand
     */
    @Override
    public Optional<String> rawJson() {
      return rawJson;
    }

    /**
     * Describes the job without the response it was read from, which may hold personal data.
     *
     * @return a short description
     */
    @Override
    public String toString() {
      return "Unknown[jobId="
          + jobId
          + ", rawStatus="
          + rawStatus
          + ", createdAt="
          + createdAt
          + ", updatedAt="
          + updatedAt
          + "]";
    }
  }

  /**
   * Returns the response, null taken as empty.
   *
   * @param json the response, or empty, or null (taken as empty)
   * @return the response
   */
  private static Optional<String> copyOf(Optional<String> json) {
    return json == null ? Optional.empty() : json;
  }
}
