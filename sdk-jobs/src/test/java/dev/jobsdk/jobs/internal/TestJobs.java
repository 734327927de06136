package dev.jobsdk.jobs.internal;

import dev.jobsdk.core.internal.Json;
import dev.jobsdk.jobs.Job;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test helper: decodes job JSON exactly as the client does. */
public final class TestJobs {
  private TestJobs() {}

  /** Decodes a job row as {@code GET /api/jobs/:id} would. */
  public static Job parse(String json) {
    try {
      return JobJson.parse(Json.MAPPER.readTree(json), json, "GET /api/jobs/test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a test resource as text. */
  public static String resource(String name) {
    try (InputStream in = TestJobs.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds a job row with the given type, status, attempts and result JSON (or null). */
  public static String row(String type, String status, int attempts, String resultJson) {
    return """
        {"id": "550e8400-e29b-41d4-a716-446655440000", "type": "%s", "status": "%s",
         "input": {"assessmentId": "a"}, "result": %s, "error": null,
         "attempts": %d, "maxAttempts": 3, "createdById": "11111111-1111-1111-1111-111111111111",
         "createdAt": "2026-03-04T12:00:00.000Z", "updatedAt": "2026-03-04T12:00:05.000Z",
         "startedAt": null, "completedAt": null}
        """
        .formatted(type, status, resultJson == null ? "null" : resultJson, attempts);
  }
}
