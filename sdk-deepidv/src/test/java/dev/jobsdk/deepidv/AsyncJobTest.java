package dev.jobsdk.deepidv;

import dev.jobsdk.core.JsonValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.core.internal.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The variants as values: built by hand, compared, printed. */
class AsyncJobTest {
  private static final Instant T0 = Instant.parse("2024-05-28T12:00:00Z");
  private static final Instant T1 = Instant.parse("2026-06-05T12:00:00Z");

  private static ObjectNode body(String status) {
    ObjectNode n = Json.MAPPER.createObjectNode().put("jobId", "j1").put("status", status);
    n.putObject("secret").put("email", "jane.doe@example.com");
    return n;
  }

  @Test
  void handBuiltJobs_withoutABody_haveNoRawJson() {
    List<AsyncJob<String>> jobs =
        List.of(
            new AsyncJob.Pending<>("j1", "pending", T0, T1, null),
            new AsyncJob.Processing<>("j1", "processing", T0, T1, null),
            new AsyncJob.Failed<>("j1", "failed", T0, T1, "boom", null),
            new AsyncJob.Ready<>("j1", "ready", T0, T1, "result", null));

    assertThat(jobs).allSatisfy(j -> assertThat(j.rawJson()).isEmpty());
    assertThat(new AsyncJob.Pending<String>("j1", "pending", T0, T1, null))
        .isEqualTo(new AsyncJob.Pending<String>("j1", "pending", T0, T1, Optional.empty()));
  }

  @Test
  void unknown_keepsTheBodyAsAJsonValue_andTheTextAsSent() {
    String text = body("archived").toString();
    AsyncJob.Unknown<String> u =
        new AsyncJob.Unknown<>("j1", "archived", T0, T1, JsonValue.parse(text), Optional.of(text));

    assertThat(u.rawJson()).contains(text);
    assertThat(u.body().path("status").asString()).contains("archived");
  }

  @Test
  void equality_includesTheBody() {
    AsyncJob.Failed<String> a =
        new AsyncJob.Failed<>("j1", "failed", T0, T1, "boom", Optional.of(body("failed").toString()));
    AsyncJob.Failed<String> same =
        new AsyncJob.Failed<>("j1", "failed", T0, T1, "boom", Optional.of(body("failed").toString()));
    AsyncJob.Failed<String> other =
        new AsyncJob.Failed<>(
            "j1", "failed", T0, T1, "boom", Optional.of(body("failed").put("extra", 1).toString()));

    assertThat(a).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
  }

  @Test
  void toString_ofEveryVariant_leavesOutTheBodyAndTheResult() {
    Optional<String> raw = Optional.of(body("x").toString());
    List<AsyncJob<String>> jobs =
        List.of(
            new AsyncJob.Pending<>("j1", "pending", T0, T1, raw),
            new AsyncJob.Processing<>("j1", "processing", T0, T1, raw),
            new AsyncJob.Ready<>("j1", "ready", T0, T1, "jane.doe@example.com", raw),
            new AsyncJob.Failed<>("j1", "failed", T0, T1, "upstream timeout", raw),
            new AsyncJob.Unknown<>(
                "j1", "archived", T0, T1, JsonValue.parse(body("archived").toString()), raw));

    assertThat(jobs)
        .allSatisfy(
            j ->
                assertThat(j.toString())
                    .contains("jobId=j1", "createdAt=" + T0, "updatedAt=" + T1)
                    .doesNotContain("jane.doe", "secret", "rawJson", "body"));
    assertThat(jobs.get(0)).hasToString(
        "Pending[jobId=j1, rawStatus=pending, createdAt=" + T0 + ", updatedAt=" + T1 + "]");
    assertThat(jobs.get(3).toString()).endsWith(", error=upstream timeout]");
  }
}
