package dev.jobsdk.jobs.internal;

import dev.jobsdk.core.internal.Untrusted;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.InvalidResponseException;

/**
 * Reads the job id from a job-creating endpoint's answer. The vendor's documentation and code
 * disagree on the shape (and may converge later), so every creator accepts all three: {@code
 * {"data": {"jobId": "…"}}} (prompt preview, 202), {@code {"jobId": "…"}} (report, 201) and the
 * bare id as a JSON string or raw text (parse and gap-field submission, 201).
 */
public final class JobIds {
  private static final int MAX_ECHO = 200;

  private JobIds() {}

  /**
   * Returns the job id in a creator's answer.
   *
   * @param body the answer as the transport read it (a text node for a raw-text body)
   * @param request the request, such as {@code POST /api/assessments/…/report/pdf}, for the error
   * @return the job id, a UUID
   * @throws InvalidResponseException if the answer holds no job id in any known shape, or the id
   *     is not a UUID
   */
  public static String parse(JsonNode body, String request) {
    String id = find(body);
    if (id == null) {
      throw new InvalidResponseException(
          request
              + " returned no job id: expected {\"data\": {\"jobId\": …}}, {\"jobId\": …} or the"
              + " bare id, got "
              + echo(body),
          null);
    }
    if (!Ids.isUuid(id)) {
      throw new InvalidResponseException(
          request + " returned a job id that is not a UUID: '" + echo(id) + "'", null);
    }
    return id;
  }

  private static String find(JsonNode body) {
    if (body == null) {
      return null;
    }
    if (body.isTextual()) {
      String text = body.asText().strip();
      return text.isEmpty() ? null : text;
    }
    if (body.isObject()) {
      JsonNode data = body.get("data");
      if (data != null && data.isObject()) {
        String nested = text(data.get("jobId"));
        if (nested != null) {
          return nested;
        }
      }
      return text(body.get("jobId"));
    }
    return null;
  }

  private static String text(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return null;
    }
    String text = node.asText().strip();
    return text.isEmpty() ? null : text;
  }

  private static String echo(Object value) {
    return Untrusted.text(String.valueOf(value), MAX_ECHO);
  }
}
