package dev.jobsdk.jobs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.jobs.Job;
import java.time.Instant;
import java.util.Optional;

/**
 * The job row exactly as {@code GET /api/jobs/:id} sends it (every field nullable), turned into a
 * {@link Job} by {@link #toJob(String)}.
 */
record JobJson(
    String id,
    String type,
    String status,
    JsonNode input,
    JsonNode result,
    String error,
    Integer attempts,
    Integer maxAttempts,
    String createdById,
    Instant createdAt,
    Instant updatedAt,
    Instant startedAt,
    Instant completedAt) {

  /**
   * Returns the job.
   *
   * @param request the request that returned it, for the error message
   * @return the job
   * @throws InvalidResponseException if a field the API guarantees is missing
   */
  Job toJob(String request) {
    try {
      return new Job(
          id,
          null,
          null,
          input,
          Optional.ofNullable(result),
          Optional.ofNullable(error),
          attempts == null ? 0 : attempts,
          maxAttempts == null ? Job.DEFAULT_MAX_ATTEMPTS : maxAttempts,
          Optional.ofNullable(createdById),
          createdAt,
          updatedAt,
          Optional.ofNullable(startedAt),
          Optional.ofNullable(completedAt),
          required(type, "type"),
          required(status, "status"));
    } catch (IllegalArgumentException e) {
      throw new InvalidResponseException(
          request + " returned a job that is not the documented shape: " + e.getMessage(), e);
    }
  }

  private static String required(String value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }
}
