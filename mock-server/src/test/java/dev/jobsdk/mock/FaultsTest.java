package dev.jobsdk.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jobsdk.mock.Http.Reply;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultsTest {

  private static final String ORG_A = MockCredentials.DEEPIDV_ORG_A_KEY;
  private static final String SUBJECT = "{\"email\":\"jane@example.com\",\"firstName\":\"Jane\",\"lastName\":\"Doe\","
      + "\"dateOfBirth\":\"1990-01-01\"}";

  private final MockJobServer server = MockJobServer.builder().seed(11).start();
  private final Http http = new Http(server);

  @AfterEach
  void close() {
    server.close();
  }

  private String deepIdvJob() {
    return server.deepIdv().createJob(ORG_A, Lifecycle.succeedsAfter(Duration.ofSeconds(30)));
  }

  private Reply pollDeepIdv(String id) {
    return http.get("/v1/async-jobs/" + id, "x-api-key", ORG_A);
  }

  private static RequestBody json(String body) {
    return RequestBody.create(body, MediaType.get("application/json"));
  }

  @Test
  void status429_onTheNthMatch_withRetryAfterSecondsInTheVendorsEnvelope() {
    String id = deepIdvJob();
    server.faults().add(Fault.on("GET", "/v1/async-jobs/*").nth(2).status(429).retryAfter(Duration.ofMillis(6_500)));
    assertThat(pollDeepIdv(id).status()).isEqualTo(200);
    Reply limited = pollDeepIdv(id);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo("7");
    assertThat(limited.json().get("message").asText()).isEqualTo("Too Many Requests");
    assertThat(pollDeepIdv(id).status()).isEqualTo(200);
  }

  @Test
  void retryAfterHttpDate_isTheVirtualClockPlusTheDelay() {
    server.clock().advance(Duration.ofHours(2));
    server.faults().add(Fault.on("*", "/api/jobs/*").status(429).retryAfterHttpDate(Duration.ofSeconds(30)));
    Reply reply = http.get("/api/jobs/3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    assertThat(ZonedDateTime.parse(reply.header("Retry-After"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
        .isEqualTo(MockJobServer.DEFAULT_START_TIME.plus(Duration.ofHours(2)).plusSeconds(30));
    assertThat(reply.json().get("error").asText()).isEqualTo("TOO_MANY_REQUESTS");
  }

  @Test
  void status502_hasAnHtmlBodyLikeAProxy() {
    server.faults().add(Fault.on("GET", "/api/v1/bd/jobs/*").status(502));
    Reply reply = http.get("/api/v1/bd/jobs/x", "Authorization", "Bearer " + MockCredentials.DEEPCURRENT_PAID_KEY);
    assertThat(reply.status()).isEqualTo(502);
    assertThat(reply.contentType()).startsWith("text/html");
    assertThat(reply.body()).contains("<h1>502 Bad Gateway</h1>");
  }

  @Test
  void status503And500_useEachVendorsEnvelope() {
    server.faults().add(Fault.on("*", "/**").times(3).status(503)).add(Fault.on("*", "/**").times(1).status(500));
    assertThat(http.get("/v1/async-jobs/x").json().get("error").asText()).isEqualTo("Service temporarily unavailable.");
    assertThat(http.get("/api/v1/bd/jobs/x").json().get("detail").asText()).isEqualTo("Service Unavailable");
    assertThat(http.get("/api/jobs/x").json().get("error").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    Reply error = http.get("/api/jobs/x");
    assertThat(error.status()).isEqualTo(500);
    assertThat(error.json().get("message").asText()).isEqualTo("Internal server error");
    assertThat(http.get("/api/jobs/x").status()).isEqualTo(401);
  }

  @Test
  void statusFault_skipsProcessingUnlessAfterProcessing() {
    server.faults().add(Fault.on("POST", "/v1/screening/adverse-media").times(1).status(503));
    assertThat(http.post("/v1/screening/adverse-media", SUBJECT, "x-api-key", ORG_A).status()).isEqualTo(503);
    assertThat(server.jobs().list()).isEmpty();

    server.faults().clear();
    server.faults().add(Fault.on("POST", "/v1/screening/adverse-media").times(1).status(503).afterProcessing());
    assertThat(http.post("/v1/screening/adverse-media", SUBJECT, "x-api-key", ORG_A, "Idempotency-Key", "k").status())
        .isEqualTo(503);
    assertThat(server.jobs().list()).hasSize(1);
    Reply retry = http.post("/v1/screening/adverse-media", SUBJECT, "x-api-key", ORG_A, "Idempotency-Key", "k");
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json().get("jobId").asText()).isEqualTo(server.jobs().list().get(0).id());
  }

  @Test
  void customBody_replacesTheEnvelope() {
    server.faults().add(Fault.on("GET", "/v1/**").status(418).body("text/plain", "I'm a teapot"));
    Reply reply = http.get("/v1/async-jobs/x");
    assertThat(reply.status()).isEqualTo(418);
    assertThat(reply.body()).isEqualTo("I'm a teapot");
  }

  @Test
  void latency_delaysThenAnswersNormally() {
    String id = deepIdvJob();
    server.faults().add(Fault.on("GET", "/v1/async-jobs/*").latency(Duration.ofMillis(50)));
    long start = System.nanoTime();
    Reply reply = pollDeepIdv(id);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(reply.status()).isEqualTo(200);
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(50);
  }

  @Test
  void resetConnection_isAnIOException_afterTheJobWasCreated_soAnIdempotentRetryGetsTheSameJob() {
    server.faults().add(Fault.on("POST", "/v1/screening/adverse-media").nth(1).resetConnection());
    assertThatThrownBy(() -> http.call("POST", "/v1/screening/adverse-media", json(SUBJECT),
        "x-api-key", ORG_A, "Idempotency-Key", "retry-me").close()).isInstanceOf(IOException.class);
    assertThat(server.jobs().list()).hasSize(1);

    Reply retry = http.post("/v1/screening/adverse-media", SUBJECT, "x-api-key", ORG_A, "Idempotency-Key", "retry-me");
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json().get("jobId").asText()).isEqualTo(server.jobs().list().get(0).id());
    assertThat(server.jobs().list()).hasSize(1);
  }

  @Test
  void truncatedBody_sendsHeadersThenFailsWhileReadingTheBody() throws IOException {
    String id = deepIdvJob();
    server.faults().add(Fault.on("GET", "/v1/async-jobs/*").truncatedBody());
    try (Response response = http.call("GET", "/v1/async-jobs/" + id, null, "x-api-key", ORG_A)) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Length")).isNotNull();
      assertThatThrownBy(() -> response.body().string()).isInstanceOf(IOException.class);
    }
  }

  @Test
  void malformedJson_keepsStatusAndContentTypeButDoesNotParse() {
    String id = deepIdvJob();
    server.faults().add(Fault.on("GET", "/v1/async-jobs/*").malformedJson());
    Reply reply = pollDeepIdv(id);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThatThrownBy(() -> Http.JSON.readTree(reply.body())).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void probability_isSeeded_sameSeedSameHits() {
    List<Integer> first = statusesWithProbabilityFault(11);
    List<Integer> second = statusesWithProbabilityFault(11);
    assertThat(first).isEqualTo(second).contains(404, 503);
    assertThat(statusesWithProbabilityFault(12)).isNotEqualTo(first);
  }

  private static List<Integer> statusesWithProbabilityFault(long seed) {
    try (MockJobServer other = MockJobServer.builder().seed(seed).start()) {
      other.faults().add(Fault.on("GET", "/v1/async-jobs/*").probability(0.3).status(503));
      Http client = new Http(other);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        statuses.add(client.get("/v1/async-jobs/a1b2c3d4-e5f6-7890-abcd-ef1234567890", "x-api-key", ORG_A).status());
      }
      return statuses;
    }
  }

  @Test
  void globsAndMethods_matchAsDocumented_andTheAdminApiIsNeverFaulted() {
    server.faults().add(Fault.on("post", "/api/**").status(503));
    assertThat(http.post("/api/assessments/x/report/pdf", "{}").status()).isEqualTo(503);
    assertThat(http.post("/api", "{}").status()).isEqualTo(503);
    assertThat(http.get("/api/jobs/x").status()).isEqualTo(401);
    server.faults().add(Fault.on("*", "/**").status(500));
    assertThat(http.get("/__mock/jobs").status()).isEqualTo(200);
    assertThat(http.get("/v1/async-jobs/x").status()).isEqualTo(500);
    assertThat(server.faults().list()).hasSize(2);
    server.faults().clear();
    assertThat(http.get("/v1/async-jobs/x").status()).isEqualTo(403);
  }

  @Test
  void rulesThatDoNothingOrMixActions_areRejected() {
    assertThatThrownBy(() -> server.faults().add(Fault.on("GET", "/x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no action");
    assertThatThrownBy(() -> server.faults().add(Fault.on("GET", "/x").retryAfter(Duration.ofSeconds(1)).latency(
        Duration.ofMillis(1)))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.on("GET", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.on("GET", "/x").nth(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.on("GET", "/x").probability(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Fault.on("GET", "/v1/async-jobs/*").nth(2).status(429).retryAfter(Duration.ofSeconds(7)))
        .hasToString("Fault[GET /v1/async-jobs/* nth(2) status(429) retryAfter(PT7S)]");
  }

  @Test
  void faultedRequests_stillCountInTheJournal() {
    String id = deepIdvJob();
    server.faults().add(Fault.on("GET", "/v1/async-jobs/*").times(2).status(503));
    pollDeepIdv(id);
    pollDeepIdv(id);
    pollDeepIdv(id);
    assertThat(server.journal().pollsOf(id)).isEqualTo(3);
  }
}
