package dev.jobsdk.jobs;

import dev.jobsdk.core.WaitOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Job#rawJson()}: the body {@code GET /api/jobs/:id} sent, fields the SDK does not model
 * included.
 */
class JobRawJsonTest {
  static final String JOB_ID = "550e8400-e29b-41d4-a716-446655440000";

  /** A completed job with fields this SDK does not model: a scalar, an object and an array. */
  static final String BODY =
      """
      {"id": "550e8400-e29b-41d4-a716-446655440000", "type": "REPORT_GENERATION",
       "status": "COMPLETED", "input": {"assessmentId": "a"},
       "result": {"assessmentId": "a", "pdfKey": "k", "downloadUrl": "https://x/k?sig=secret"},
       "error": null, "attempts": 1, "maxAttempts": 3,
       "createdById": "11111111-1111-1111-1111-111111111111",
       "createdAt": "2026-03-04T12:00:00.000Z", "updatedAt": "2026-03-04T12:00:05.000Z",
       "startedAt": "2026-03-04T12:00:01.000Z", "completedAt": "2026-03-04T12:00:05.000Z",
       "priority": "high-unmodelled-marker",
       "workerInfo": {"host": "worker-7", "region": "eu-west-1"},
       "tags": ["nightly", 42, null]}
      """;

  @StartStop final MockWebServer server = new MockWebServer();
  final VirtualScheduler time = VirtualScheduler.create();
  JobsClient client;

  JobsClient client() {
    if (client == null) {
      client =
          JobsClient.builder()
              .baseUrl(server.url("/").toString())
              .token("static-token-abc")
              .scheduler(time)
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

  static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  @Test
  void retrievedJob_rawJsonEqualsTheBodyTheServerSent_unknownFieldsIncluded() throws Exception {
    server.enqueue(json(BODY));

    Job job = client().jobs().retrieve(JOB_ID);

    assertThat(job.rawJson()).contains(BODY);
    JsonNode raw = Json.MAPPER.readTree(job.rawJson().orElseThrow());
    assertThat(raw.get("priority").asText()).isEqualTo("high-unmodelled-marker");
    assertThat(raw.get("workerInfo").get("host").asText()).isEqualTo("worker-7");
    assertThat(raw.get("tags")).hasSize(3);
    assertThat(raw.get("error").isNull()).isTrue();
    // The modelled fields are read as before.
    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job.reportGenerationResult().orElseThrow().pdfKey()).isEqualTo("k");
    // Through the vendor-neutral contract too.
    JobSnapshot snapshot = job;
    assertThat(snapshot.rawJson()).contains(BODY);
  }

  @Test
  void rawJson_isTheBodyTextExactlyAsSent() throws Exception {
    server.enqueue(json(BODY));

    Job job = client().jobs().retrieve(JOB_ID);

    String written = job.rawJson().orElseThrow();
    assertThat(Json.MAPPER.readTree(written)).isEqualTo(Json.MAPPER.readTree(BODY));
    assertThat(written).isEqualTo(BODY);
  }

  @Test
  void toString_showsNeitherTheRawJsonNorItsUnknownFields() {
    server.enqueue(json(BODY));

    Job job = client().jobs().retrieve(JOB_ID);

    assertThat(job.toString())
        .startsWith("Job[id=" + JOB_ID + ", type=REPORT_GENERATION, status=COMPLETED")
        .doesNotContain("high-unmodelled-marker", "worker-7", "secret", "assessmentId", "rawJson");
  }

  @Test
  void polledJobs_carryTheirRawJsonToo() throws Exception {
    String processing =
        BODY.replace("\"COMPLETED\"", "\"PROCESSING\"")
            .replace("\"high-unmodelled-marker\"", "\"still running\"");
    server.enqueue(json(processing));
    server.enqueue(json(BODY));
    List<String> heard = new ArrayList<>();

    Job job = client().jobs().handle(JOB_ID).awaitCompletion(WaitOptions.of(j -> heard.add(j.rawJson().orElseThrow())));

    assertThat(job.rawJson()).contains(BODY);
    assertThat(heard).first().isEqualTo(processing);
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "[]", "\"done\"", "42"})
  void bodyThatIsNotAJobObject_isAnInvalidResponse(String body) {
    server.enqueue(json(body));

    assertThatThrownBy(() -> client().jobs().retrieve(JOB_ID))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("GET /api/jobs/" + JOB_ID)
        .hasMessageContaining("where a job object was expected");
  }

  @Test
  void fieldOfTheWrongShape_isAnInvalidResponseNamingTheRequest() {
    server.enqueue(json(BODY.replace("\"2026-03-04T12:00:00.000Z\"", "\"yesterday\"")));

    assertThatThrownBy(() -> client().jobs().retrieve(JOB_ID))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("GET /api/jobs/" + JOB_ID)
        .hasMessageContaining("not the expected JSON");
  }
}
