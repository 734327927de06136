package dev.jobsdk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jobsdk.core.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.jobsdk.core.JobSnapshot;

/** How the CLI prints a job. */
final class Output {
  private static final ObjectMapper JSON =
      new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new Jdk8Module());

  private Output() {}

  /** The job as the API returned it, on one line (the body's JSON, its line breaks removed). */
  static String json(JobSnapshot job) {
    if (job.rawJson().isPresent()) {
      return JsonValue.parse(job.rawJson().get()).toJson();
    }
    try {
      return JSON.writeValueAsString(job);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print job " + job.id() + " as JSON", e);
    }
  }

  /** One human-readable line: id, status, progress and message. */
  static String line(JobSnapshot job) {
    StringBuilder sb = new StringBuilder(job.id()).append("  ").append(job.rawStatus());
    job.progress().ifPresent(p -> {
      p.percent().ifPresent(percent -> sb.append("  ").append(percent).append('%'));
      p.message().ifPresent(m -> sb.append("  ").append(m));
    });
    job.errorMessage().ifPresent(m -> sb.append("  error: ").append(m));
    return sb.toString();
  }
}
