package dev.jobsdk.jobs.internal;

import dev.jobsdk.core.internal.JsonValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.jobs.Job;
import java.time.Instant;
import java.util.Optional;

/**
 * The job row exactly as {@code GET /api/jobs/:id} sends it (every field nullable), read from the
 * response body by {@link #parse(JsonNode, String)}, which keeps the body as the job's raw JSON.
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
   * Reads a job from the response body, keeping the whole body (unknown fields included) as the
   * job's {@link Job#rawJson() raw JSON}.
   *
   * @param body the response body
   * @param request the request that returned it, for the error message
   * @return the job
   * @throws InvalidResponseException if the body is not a job object or a field the API guarantees
   *     is missing or malformed
   */
  static Job parse(JsonNode body, String request) {
    return parse(body, null, request);
  }

  /**
   * Reads a job from the response body, keeping the body text exactly as sent.
   *
   * @param body the response body
   * @param text the body text as sent, or null to write {@code body} as JSON
   * @param request the request that returned it, for the error message
   * @return the job
   */
  static Job parse(JsonNode body, String text, String request) {
    if (body == null || !body.isObject()) {
      throw new InvalidResponseException(
          request
              + " returned "
              + (body == null ? "nothing" : body.getNodeType().toString())
              + " where a job object was expected",
          null);
    }
    JobJson json;
    try {
      json = Json.MAPPER.treeToValue(body, JobJson.class);
    } catch (JsonProcessingException e) {
      throw new InvalidResponseException(
          request + " returned a body that is not the expected JSON: " + e.getOriginalMessage(), e);
    }
    return json.toJob(request, body, text != null ? text : body.toString());
  }

  /**
   * Returns the job.
   *
   * @param request the request that returned it, for the error message
   * @param body the response body as JSON
   * @param raw the response body text the job was read from
   * @return the job
   * @throws InvalidResponseException if a field the API guarantees is missing
   */
  private Job toJob(String request, JsonNode body, String raw) {
    JsonNode idNode = body.get("id");
    if (idNode != null && !idNode.isNull() && !idNode.isTextual()) {
      // Jackson would coerce a number to text: a job whose id is 7 is not the documented shape.
      throw new InvalidResponseException(
          request + " returned a job whose id is not a string: " + idNode.getNodeType(), null);
    }
    try {
      return new Job(
          id,
          null,
          null,
          JsonValues.fromNode(input),
          Optional.ofNullable(result).map(JsonValues::fromNode),
          Optional.ofNullable(error),
          attempts == null ? 0 : attempts,
          maxAttempts == null ? Job.DEFAULT_MAX_ATTEMPTS : maxAttempts,
          Optional.ofNullable(createdById),
          createdAt,
          updatedAt,
          Optional.ofNullable(startedAt),
          Optional.ofNullable(completedAt),
          required(type, "type"),
          required(status, "status"),
          Optional.of(raw));
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
