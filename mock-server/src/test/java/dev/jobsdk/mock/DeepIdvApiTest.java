package dev.jobsdk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.mock.Http.Reply;
import dev.jobsdk.mock.junit.MockJobServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeepIdvApiTest {

  private static final String ORG_A = MockCredentials.DEEPIDV_ORG_A_KEY;
  private static final String ORG_B = MockCredentials.DEEPIDV_ORG_B_KEY;
  private static final String SUBJECT = "{\"email\":\"jane@example.com\",\"firstName\":\"Jane\",\"lastName\":\"Doe\","
      + "\"dateOfBirth\":\"1990-01-01\",\"country\":\"ca\"}";
  private static final Lifecycle THIRTY_SECONDS = Lifecycle.builder()
      .queued(Duration.ofSeconds(5))
      .stage("searching", Duration.ofSeconds(20), "Searching...")
      .stage("scoring", Duration.ofSeconds(5), "Scoring...")
      .build();

  @RegisterExtension
  final MockJobServerExtension mock = MockJobServerExtension.builder().seed(7).build();

  private Http http() {
    return new Http(mock.server());
  }

  private Reply screen(String key, String body, String... extraHeaders) {
    List<String> headers = new ArrayList<>(List.of("x-api-key", key));
    headers.addAll(List.of(extraHeaders));
    return http().post("/v1/screening/adverse-media", body, headers.toArray(new String[0]));
  }

  private JsonNode poll(String key, String id) {
    Reply reply = http().get("/v1/async-jobs/" + id, "x-api-key", key);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private void advance(long seconds) {
    mock.server().clock().advance(Duration.ofSeconds(seconds));
  }

  @Test
  void create_returns202Queued() {
    Reply reply = screen(ORG_A, SUBJECT);
    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().get("status").asText()).isEqualTo("pending");
    assertThat(reply.json().get("message").asText()).isEqualTo("Screening job queued.");
    assertThat(reply.json().get("jobId").asText()).hasSize(36);
  }

  @Test
  void auth_missingKeyIs403_invalidKeyIs401() {
    Reply missing = http().post("/v1/screening/adverse-media", SUBJECT);
    assertThat(missing.status()).isEqualTo(403);
    assertThat(missing.json().get("message").asText()).isEqualTo("Missing API key.");
    assertThat(screen("sk_test_nobody", SUBJECT).status()).isEqualTo(401);
    assertThat(http().get("/v1/async-jobs/a1b2c3d4-e5f6-7890-abcd-ef1234567890").status()).isEqualTo(403);
    assertThat(http().get("/v1/async-jobs/a1b2c3d4-e5f6-7890-abcd-ef1234567890", "x-api-key", "bad").status())
        .isEqualTo(401);
  }

  @Test
  void create_validationErrors_are400WithAMessage() {
    Reply reply = screen(ORG_A, "{\"email\":\"not-an-email\",\"firstName\":\"\",\"lastName\":\"Doe\","
        + "\"dateOfBirth\":\"1990-02-30\",\"country\":\"CAN\"}");
    assertThat(reply.status()).isEqualTo(400);
    String message = reply.json().get("message").asText();
    assertThat(message).contains("email", "firstName", "dateOfBirth", "country").doesNotContain("lastName");
    assertThat(screen(ORG_A, "[1,2]").status()).isEqualTo(400);
    assertThat(screen(ORG_A, "{oops").status()).isEqualTo(400);
  }

  @Test
  void idempotencyKey_replaysTheSameJobWith200_withinTheOrgAnd24Hours() {
    Reply first = screen(ORG_A, SUBJECT, "Idempotency-Key", "key-1");
    assertThat(first.status()).isEqualTo(202);
    String id = first.json().get("jobId").asText();

    advance(30);
    Reply replay = screen(ORG_A, SUBJECT, "Idempotency-Key", "key-1");
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json().get("jobId").asText()).isEqualTo(id);
    assertThat(replay.json().get("status").asText()).isIn("pending", "processing", "ready");
    assertThat(mock.server().jobs().list()).hasSize(1);

    Reply otherOrg = screen(ORG_B, SUBJECT, "Idempotency-Key", "key-1");
    assertThat(otherOrg.status()).isEqualTo(202);
    assertThat(otherOrg.json().get("jobId").asText()).isNotEqualTo(id);

    Reply noKey = screen(ORG_A, SUBJECT);
    assertThat(noKey.status()).isEqualTo(202);
    assertThat(mock.server().jobs().list()).hasSize(3);
  }

  @Test
  void idempotencyKey_after24Hours_createsANewJob() {
    mock.server().deepIdv().defaultLifecycle(Lifecycle.succeedsAfter(Duration.ofSeconds(1)));
    String id = screen(ORG_A, SUBJECT, "Idempotency-Key", "k").json().get("jobId").asText();
    advance(Duration.ofHours(24).toSeconds());
    Reply later = screen(ORG_A, SUBJECT, "Idempotency-Key", "k");
    assertThat(later.status()).isEqualTo(202);
    assertThat(later.json().get("jobId").asText()).isNotEqualTo(id);
  }

  @Test
  void orgWithoutBalance_gets402PlainText() {
    mock.server().deepIdv().setBalance(ORG_A, false);
    Reply reply = screen(ORG_A, SUBJECT);
    assertThat(reply.status()).isEqualTo(402);
    assertThat(reply.contentType()).startsWith("text/plain");
    assertThat(reply.body()).isEqualTo("Insufficient funds or subscription.");
    mock.server().deepIdv().setBalance(ORG_A, true);
    assertThat(screen(ORG_A, SUBJECT).status()).isEqualTo(202);
  }

  @Test
  void lifecycle_pendingProcessingReady_withResultOnlyWhenReady() {
    mock.server().deepIdv().nextJob(THIRTY_SECONDS);
    String id = screen(ORG_A, SUBJECT).json().get("jobId").asText();

    JsonNode pending = poll(ORG_A, id);
    assertThat(pending.get("status").asText()).isEqualTo("pending");
    assertThat(pending.get("createdAt").isIntegralNumber()).isTrue();
    assertThat(pending.get("createdAt").asLong()).isEqualTo(MockJobServer.DEFAULT_START_TIME.toEpochMilli());
    assertThat(pending.get("updatedAt").asText()).isEqualTo("2026-04-08T12:00:00.000Z");
    assertThat(pending.has("result")).isFalse();
    assertThat(pending.has("error")).isFalse();

    advance(10);
    JsonNode processing = poll(ORG_A, id);
    assertThat(processing.get("status").asText()).isEqualTo("processing");
    assertThat(processing.get("updatedAt").asText()).isEqualTo("2026-04-08T12:00:05.000Z");
    assertThat(processing.has("result")).isFalse();

    advance(20);
    JsonNode ready = poll(ORG_A, id);
    assertThat(ready.get("status").asText()).isEqualTo("ready");
    assertThat(ready.get("updatedAt").asText()).isEqualTo("2026-04-08T12:00:30.000Z");
    assertThat(ready.has("error")).isFalse();
    JsonNode result = ready.get("result");
    assertThat(result.get("riskLevel").asText()).isIn("LOW", "MEDIUM", "HIGH", "CRITICAL");
    assertThat(result.get("riskScore").asInt()).isBetween(0, 100);
    assertThat(result.get("totalHits").asInt()).isEqualTo(result.get("findings").size());
    assertThat(result.get("summary").asText()).isNotBlank();
    JsonNode exposures = result.get("exposuresByCategory");
    assertThat(exposures.properties()).extracting(java.util.Map.Entry::getKey).containsExactlyInAnyOrder(
        "financial_crime", "terrorism", "regulatory", "political", "organized_crime", "violent_crime",
        "criminal_legal", "reputational", "court_records");
    int hits = 0;
    for (JsonNode exposure : exposures) {
      assertThat(exposure.get("articles").size()).isEqualTo(exposure.get("hits").asInt());
      hits += exposure.get("hits").asInt();
    }
    assertThat(hits).isEqualTo(result.get("totalHits").asInt());
  }

  @Test
  void resultWithFindings_hasTheDocumentedFindingFields() {
    JsonNode finding = null;
    for (int i = 0; i < 20 && finding == null; i++) {
      String id = mock.server().deepIdv().createJob(ORG_A, Lifecycle.succeedsAfter(Duration.ZERO));
      JsonNode findings = poll(ORG_A, id).at("/result/findings");
      finding = findings.isEmpty() ? null : findings.get(0);
    }
    assertThat(finding).isNotNull();
    assertThat(finding.get("findingId").isTextual()).isTrue();
    assertThat(finding.get("severity").asText()).isIn("MEDIUM", "HIGH", "CRITICAL");
    assertThat(finding.get("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(finding.get("confirmedBy").isArray()).isTrue();
    for (String field : List.of("category", "title", "detail", "sourceUrl", "sourceName", "articleDate")) {
      assertThat(finding.get(field).isTextual()).as(field).isTrue();
    }
  }

  @Test
  void failedJob_hasErrorAndNoResult() {
    mock.server().deepIdv().nextJob(Lifecycle.failsAfter(Duration.ofSeconds(40), "upstream timeout"));
    String id = screen(ORG_A, SUBJECT).json().get("jobId").asText();
    advance(40);
    JsonNode failed = poll(ORG_A, id);
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("error").asText()).isEqualTo("upstream timeout");
    assertThat(failed.has("result")).isFalse();
  }

  @Test
  void cancelOutcome_showsAsFailedBecauseDeepIdvHasNoCancelledState() {
    String id = mock.server().deepIdv().createJob(ORG_A,
        Lifecycle.builder().stage("x", Duration.ofSeconds(1)).cancel().build());
    advance(1);
    assertThat(poll(ORG_A, id).get("error").asText()).isEqualTo("Job was cancelled.");
  }

  @Test
  void seededDefault_finishesBetween30And60Seconds() {
    String id = screen(ORG_A, SUBJECT).json().get("jobId").asText();
    advance(29);
    assertThat(poll(ORG_A, id).get("status").asText()).isIn("pending", "processing");
    advance(31);
    assertThat(poll(ORG_A, id).get("status").asText()).isEqualTo("ready");
  }

  @Test
  void poll_malformedIdIs400_unknownIs404_otherOrgIs403() {
    assertThat(http().get("/v1/async-jobs/not-a-uuid", "x-api-key", ORG_A).json().get("message").asText())
        .isEqualTo("Malformed job ID.");
    assertThat(http().get("/v1/async-jobs/not-a-uuid", "x-api-key", ORG_A).status()).isEqualTo(400);
    assertThat(http().get("/v1/async-jobs/a1b2c3d4-e5f6-7890-abcd-ef1234567890", "x-api-key", ORG_A).status())
        .isEqualTo(404);
    String id = screen(ORG_A, SUBJECT).json().get("jobId").asText();
    Reply other = http().get("/v1/async-jobs/" + id, "x-api-key", ORG_B);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.json().get("message").asText()).contains("another organization");
  }

  @Test
  void finishedJobs_expireAfterTheTtl() {
    mock.server().deepIdv().nextJob(THIRTY_SECONDS);
    String id = screen(ORG_A, SUBJECT).json().get("jobId").asText();
    advance(30);
    assertThat(poll(ORG_A, id).get("status").asText()).isEqualTo("ready");
    advance(3599);
    assertThat(poll(ORG_A, id).get("status").asText()).isEqualTo("ready");
    advance(1);
    Reply gone = http().get("/v1/async-jobs/" + id, "x-api-key", ORG_A);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(http().get("/v1/async-jobs/" + id, "x-api-key", ORG_B).status()).isEqualTo(404);
    assertThat(mock.server().jobs().get(id).status()).isEqualTo("expired");
  }

  @Test
  void ttlAndCreatedAtUnit_areConfigurable() {
    try (MockJobServer server = MockJobServer.builder().deepIdvJobTtl(Duration.ofMinutes(5))
        .deepIdvCreatedAtSeconds(true).start()) {
      String id = server.deepIdv().createJob(ORG_B, Lifecycle.succeedsAfter(Duration.ofSeconds(10)));
      Http http = new Http(server);
      JsonNode job = http.get("/v1/async-jobs/" + id, "x-api-key", ORG_B).json();
      assertThat(job.get("createdAt").asLong()).isEqualTo(MockJobServer.DEFAULT_START_TIME.getEpochSecond());
      server.clock().advance(Duration.ofSeconds(10 + 300));
      assertThat(http.get("/v1/async-jobs/" + id, "x-api-key", ORG_B).status()).isEqualTo(404);
    }
  }

  @Test
  void replayOfAFinishedJob_showsItsCurrentStatus() {
    mock.server().deepIdv().nextJob(THIRTY_SECONDS);
    String id = screen(ORG_A, SUBJECT, "Idempotency-Key", "done").json().get("jobId").asText();
    advance(31);
    Reply replay = screen(ORG_A, SUBJECT, "Idempotency-Key", "done");
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.json().get("jobId").asText()).isEqualTo(id);
    assertThat(replay.json().get("status").asText()).isEqualTo("ready");
  }

  @Test
  void forcedState_pinsTheJobWithTimestampsOfTheMoment() {
    String id = screen(ORG_A, SUBJECT).json().get("jobId").asText();
    advance(2);
    assertThat(mock.server().jobs().forceState(id, "failed").status()).isEqualTo("failed");
    advance(100);
    JsonNode job = poll(ORG_A, id);
    assertThat(job.get("status").asText()).isEqualTo("failed");
    assertThat(job.get("error").asText()).isEqualTo("Forced failure by the mock.");
    assertThat(Instant.parse(job.get("updatedAt").asText())).isEqualTo(
        MockJobServer.DEFAULT_START_TIME.plusSeconds(2));
  }
}
