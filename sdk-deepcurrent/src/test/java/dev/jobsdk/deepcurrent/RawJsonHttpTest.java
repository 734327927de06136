package dev.jobsdk.deepcurrent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JobSnapshot#rawJson()} on the wire: a job or run read from the API keeps the body exactly
 * as the server sent it, fields this SDK does not model included.
 */
class RawJsonHttpTest {
  private static final String KEY = "dc_test_key_1234567890";
  private static final String JOB_ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
  private static final String RUN_ID = "7c3e1d22-9b4a-4f8c-b1e2-3d5f0a7c9e1b";

  @StartStop final MockWebServer server = new MockWebServer();
  DeepCurrentClient client;

  private DeepCurrentClient client() {
    if (client == null) {
      client =
          DeepCurrentClient.builder()
              .apiKey(KEY)
              .baseUrl(server.url("/").toString())
              .scheduler(VirtualScheduler.create())
              .build();
    }
    return client;
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** A seed with fields no version of this SDK models: a scalar, a nested object and a null. */
  private static String seedWithUnknownFields(String name) throws IOException {
    try (InputStream in = RawJsonHttpTest.class.getResourceAsStream("/seeds/" + name)) {
      ObjectNode node = (ObjectNode) Json.MAPPER.readTree(in);
      node.put("billing_tier", "gold");
      node.putObject("x_diagnostics").put("worker", "w-17").putArray("trace").add(1).add(2);
      node.putNull("next_poll_hint");
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
  }

  private static JsonNode tree(String body) throws IOException {
    return Json.MAPPER.readTree(body);
  }

  @Test
  void bdJob_retrieve_rawJsonIsTheBodyTheServerSent() throws Exception {
    String body = seedWithUnknownFields("bd-job-completed.json");
    server.enqueue(json(200, body));

    BdJob job = client().bdJobs().retrieve(JOB_ID);

    assertThat(job.rawJson()).contains(body);
    JsonNode raw = tree(job.rawJson().orElseThrow());
    assertThat(raw.path("billing_tier").asText()).isEqualTo("gold");
    assertThat(raw.path("x_diagnostics").path("trace").path(1).asInt()).isEqualTo(2);
    assertThat(raw.has("next_poll_hint")).isTrue();
    assertThat(raw.get("error_message").isNull()).isTrue();
    // Through the vendor-neutral interface as well.
    assertThat(((JobSnapshot) job).rawJson()).contains(body);
  }

  @Test
  void growthRun_retrieve_rawJsonIsTheBodyTheServerSent() throws Exception {
    String body = seedWithUnknownFields("growth-run-completed.json");
    server.enqueue(json(200, body));

    GrowthRun run = client().growth().retrieve(RUN_ID);

    assertThat(run.rawJson()).contains(body);
    JsonNode raw = tree(run.rawJson().orElseThrow());
    assertThat(raw.path("billing_tier").asText()).isEqualTo("gold");
    assertThat(raw.path("x_diagnostics").path("worker").asText()).isEqualTo("w-17");
    assertThat(raw.path("artifact_handles").path(0).path("asset_id").asText()).isEqualTo("verified_contacts");
    assertThat(((JobSnapshot) run).rawJson()).contains(body);
  }

  @Test
  void creationAnswers_carryTheirBodyToo() throws Exception {
    String created =
        "{\"job_id\":\"j-1\",\"status\":\"pending\",\"progress_percent\":0,"
            + "\"preset\":\"full_pipeline\",\"requested_capabilities\":[],\"warnings\":[],"
            + "\"created_at\":\"2026-01-01T00:00:00Z\",\"queue_position\":4}";
    server.enqueue(json(202, created));

    BdJobHandle handle =
        client().bdJobs().create(BdJobRequest.of(BdPreset.FULL_PIPELINE, Map.of()));

    assertThat(handle.created().orElseThrow().rawJson()).contains(created);
  }

  @Test
  void rawJson_isTheExactBody_andStaysOutOfToString() throws Exception {
    String jobBody = seedWithUnknownFields("bd-job-running.json");
    String runBody = seedWithUnknownFields("growth-run-running.json");
    server.enqueue(json(200, jobBody));
    server.enqueue(json(200, runBody));

    BdJob job = client().bdJobs().retrieve(JOB_ID);
    GrowthRun run = client().growth().retrieve(RUN_ID);

    assertThat(job.rawJson()).contains(jobBody);
    assertThat(run.rawJson()).contains(runBody);

    assertThat(job.toString())
        .startsWith("BdJob[id=" + JOB_ID)
        .contains("progressPercent=62")
        .doesNotContain("rawJson")
        .doesNotContain("billing_tier")
        .doesNotContain("x_diagnostics");
    assertThat(run.toString())
        .startsWith("GrowthRun[id=" + RUN_ID)
        .doesNotContain("rawJson")
        .doesNotContain("billing_tier")
        .doesNotContain("x_diagnostics");
  }
}
