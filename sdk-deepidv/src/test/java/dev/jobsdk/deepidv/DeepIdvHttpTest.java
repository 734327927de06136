package dev.jobsdk.deepidv;

import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.WaitOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.NotFoundException;
import dev.jobsdk.core.PaymentRequiredException;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** What goes over the wire, checked request by request against a scripted server. */
class DeepIdvHttpTest {
  private static final String KEY = "sk_test_wire_key";
  private static final String JOB = "0b5e3f9a-6a59-4d0e-9d1c-2f4f0c6f1e11";
  private static final String UUID_V4 =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @StartStop final MockWebServer server = new MockWebServer();
  final VirtualScheduler time = VirtualScheduler.create();
  final PollingPolicy fixed =
      PollingPolicy.builder()
          .interval(Duration.ofSeconds(2))
          .maxInterval(Duration.ofSeconds(2))
          .multiplier(1.0)
          .jitter(PollingPolicy.Jitter.NONE)
          .build();
  DeepIdvClient client;

  DeepIdvClient client() {
    if (client == null) {
      client =
          DeepIdvClient.builder()
              .apiKey(KEY)
              .baseUrl(server.url("/").toString())
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

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse created(int code, String status) {
    return json(
        code,
        "{\"jobId\":\"" + JOB + "\",\"status\":\"" + status + "\",\"message\":\"Screening job queued.\"}");
  }

  static MockResponse job(String status, String extra) {
    return json(
        200,
        "{\"jobId\":\"" + JOB + "\",\"status\":\"" + status
            + "\",\"createdAt\":1716897600,\"updatedAt\":\"2026-06-05T12:00:00.000Z\"" + extra + "}");
  }

  static MockResponse ready() {
    return json(200, Fixtures.text("async-job-ready-full.json"));
  }

  @Test
  void adverseMedia_sendsKeyIdempotencyKeyAndBody() throws Exception {
    server.enqueue(created(202, "pending"));

    AdverseMediaScreening screening = client().screening().adverseMedia(Fixtures.request());

    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/screening/adverse-media");
    assertThat(r.getHeaders().get("x-api-key")).isEqualTo(KEY);
    assertThat(r.getHeaders().get("Idempotency-Key")).matches(UUID_V4);
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = Json.MAPPER.readTree(r.getBody().utf8());
    assertThat(body.get("email").asText()).isEqualTo("jane.doe@example.com");
    assertThat(body.get("firstName").asText()).isEqualTo("Jane");
    assertThat(body.get("lastName").asText()).isEqualTo("Doe");
    assertThat(body.get("dateOfBirth").asText()).isEqualTo("1985-04-12");
    assertThat(body.get("country").asText()).isEqualTo("CA");
    assertThat(body.size()).isEqualTo(5);

    assertThat(screening.id()).isEqualTo(JOB);
    assertThat(screening.created().jobId()).isEqualTo(JOB);
    assertThat(screening.created().rawStatus()).isEqualTo("pending");
    assertThat(screening.created().state()).isEqualTo(JobState.PENDING);
    assertThat(screening.created().message()).contains("Screening job queued.");
    assertThat(screening.created().idempotencyKey())
        .isEqualTo(r.getHeaders().get("Idempotency-Key"));
    assertThat(screening.created().replayed()).as("202: a new screening").isFalse();
  }

  @Test
  void adverseMedia_eachCallHasItsOwnKey_andNoCountryWhenNoneWasSet() throws Exception {
    server.enqueue(created(202, "pending"));
    server.enqueue(created(202, "pending"));
    AdverseMediaRequest noCountry = Fixtures.request().toBuilder().country(null).build();

    client().screening().adverseMedia(noCountry);
    client().screening().adverseMedia(noCountry);

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(first.getHeaders().get("Idempotency-Key"))
        .isNotEqualTo(second.getHeaders().get("Idempotency-Key"));
    assertThat(Json.MAPPER.readTree(first.getBody().utf8()).has("country")).isFalse();
  }

  @Test
  void adverseMedia_callersIdempotencyKey_isSentAsGiven() throws Exception {
    server.enqueue(created(200, "processing"));

    AdverseMediaScreening s =
        client().screening().adverseMedia(Fixtures.request(), "order-42-screening");

    assertThat(server.takeRequest().getHeaders().get("Idempotency-Key"))
        .isEqualTo("order-42-screening");
    assertThat(s.created().idempotencyKey()).isEqualTo("order-42-screening");
  }

  @Test
  void adverseMedia_200Replay_isReadLikeA202_andSaysItIsAReplay() {
    server.enqueue(created(200, "ready"));

    AdverseMediaScreening s = client().screening().adverseMedia(Fixtures.request());

    assertThat(s.id()).isEqualTo(JOB);
    assertThat(s.created().state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(s.created().replayed()).as("200: the key's job, not a new one").isTrue();
  }

  @Test
  void adverseMedia_retryAfter503_resendsTheSameIdempotencyKey() throws Exception {
    server.enqueue(json(503, "{\"error\":\"Service temporarily unavailable.\"}"));
    server.enqueue(created(200, "pending"));

    AdverseMediaScreening s = client().screening().adverseMedia(Fixtures.request());

    String first = server.takeRequest().getHeaders().get("Idempotency-Key");
    String second = server.takeRequest().getHeaders().get("Idempotency-Key");
    assertThat(second).isEqualTo(first).matches(UUID_V4);
    assertThat(s.created().idempotencyKey()).isEqualTo(first);
  }

  @Test
  void adverseMedia_402PlainText_isPaymentRequiredWithTheText() {
    server.enqueue(
        new MockResponse.Builder()
            .code(402)
            .addHeader("Content-Type", "text/plain")
            .body("Insufficient funds or subscription.")
            .build());

    PaymentRequiredException e =
        catchThrowableOfType(
            PaymentRequiredException.class,
            () -> client().screening().adverseMedia(Fixtures.request()));

    assertThat(e.errorMessage()).contains("Insufficient funds or subscription.");
    assertThat(e.getMessage()).endsWith(": Insufficient funds or subscription.");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void adverseMedia_badArguments_sendNothing() {
    assertThatThrownBy(() -> client().screening().adverseMedia(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("request must not be null");
    assertThatThrownBy(() -> client().screening().adverseMedia(Fixtures.request(), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("idempotencyKey ");
    assertThatThrownBy(() -> client().screening().adverseMedia(Fixtures.request(), "a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("idempotencyKey ");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void retrieve_sendsKeyAndEncodesTheIdAsOneSegment() throws Exception {
    server.enqueue(job("pending", ""));

    AsyncJob<JsonValue> j = client().asyncJobs().retrieve(JOB);

    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/async-jobs/" + JOB);
    assertThat(r.getHeaders().get("x-api-key")).isEqualTo(KEY);
    assertThat(j).isInstanceOf(AsyncJob.Pending.class);
  }

  /** Fields no version of this SDK models: a scalar, a nested object and an array. */
  static final String UNKNOWN_FIELDS =
      ",\"priority\":3,\"vendorTrace\":{\"region\":\"ca-central-1\",\"attempts\":[1,2]}";

  /** A body as the server sends it for each status, each with fields the SDK does not model. */
  static String bodyWithUnknownFields(String status) throws Exception {
    if (status.equals("ready")) {
      ObjectNode full = (ObjectNode) Fixtures.json("async-job-ready-full.json");
      full.put("priority", 3).putObject("vendorTrace").put("region", "ca-central-1");
      ((ObjectNode) full.get("result")).put("modelVersion", "2026-05");
      return Json.MAPPER.writeValueAsString(full);
    }
    String error =
        status.equals("failed")
            ? ",\"error\":{\"message\":\"upstream timeout\",\"code\":\"E42\"}"
            : "";
    return "{\"jobId\":\"" + JOB + "\",\"status\":\"" + status
        + "\",\"createdAt\":1716897600,\"updatedAt\":\"2026-06-05T12:00:00.000Z\""
        + error + UNKNOWN_FIELDS + "}";
  }

  @ParameterizedTest
  @CsvSource({
    "pending, Pending",
    "processing, Processing",
    "ready, Ready",
    "failed, Failed",
    "archived, Unknown"
  })
  void retrieve_rawJson_isTheBodyAsSent_unknownFieldsIncluded(String status, String variant)
      throws Exception {
    String sent = bodyWithUnknownFields(status);
    server.enqueue(json(200, sent));

    AsyncJob<JsonValue> job = client().asyncJobs().retrieve(JOB);

    assertThat(job.getClass().getSimpleName()).isEqualTo(variant);
    assertThat(job.rawStatus()).isEqualTo(status);
    JsonNode raw = rawTree(job.rawJson().orElseThrow());
    assertThat(raw).isEqualTo(Json.MAPPER.readTree(sent));
    assertThat(raw.get("priority").asInt()).isEqualTo(3);
    assertThat(raw.get("vendorTrace").get("region").asText()).isEqualTo("ca-central-1");
    // Re-serialised, it is the body byte for byte (same field order, same numbers).
    assertThat(Json.MAPPER.writeValueAsString(raw)).isEqualTo(sent);
    // toString stays short: no raw body, no result.
    assertThat(job.toString())
        .startsWith(variant + "[jobId=" + JOB)
        .doesNotContain("vendorTrace", "priority", "riskScore", "findings");
  }

  @Test
  void retrieve_rawJson_isTheBodyExactlyAsSent() throws Exception {
    String sent = bodyWithUnknownFields("ready");
    server.enqueue(json(200, sent));
    AsyncJob.Ready<JsonValue> ready = (AsyncJob.Ready<JsonValue>) client().asyncJobs().retrieve(JOB);

    assertThat(ready.rawJson()).contains(sent);
    assertThat(ready.result().path("riskScore").asLong()).contains(72L);
  }

  @Test
  void retrieve_unknownStatus_keepsTheBodyAsAJsonValue_andAsText() throws Exception {
    String sent = bodyWithUnknownFields("archived");
    server.enqueue(json(200, sent));
    AsyncJob.Unknown<JsonValue> unknown =
        (AsyncJob.Unknown<JsonValue>) client().asyncJobs().retrieve(JOB);

    assertThat(unknown.body()).isEqualTo(JsonValue.parse(sent));
    assertThat(unknown.rawJson()).contains(sent);
  }

  @Test
  void awaitCompletion_everySnapshotHeardCarriesItsOwnBody() {
    server.enqueue(job("pending", ",\"queuePosition\":4"));
    server.enqueue(job("migrating", ",\"shard\":\"b\""));
    server.enqueue(ready());
    List<JsonNode> heard = new ArrayList<>();

    client()
        .asyncJobs()
        .handle(JOB, JsonNode.class).awaitCompletion(WaitOptions.of(fixed, j -> heard.add(rawTree(j.rawJson().orElseThrow()))));

    assertThat(heard).hasSize(3);
    assertThat(heard.get(0).get("queuePosition").asInt()).isEqualTo(4);
    assertThat(heard.get(1).get("shard").asText()).isEqualTo("b");
    assertThat(heard.get(2)).isEqualTo(Fixtures.json("async-job-ready-full.json"));
  }

  @Test
  void awaitCompletion_reportsEachNewStatusAndReturnsTheTypedResult() {
    server.enqueue(job("pending", ""));
    server.enqueue(job("processing", ""));
    server.enqueue(job("processing", ""));
    server.enqueue(job("migrating", ""));
    server.enqueue(ready());
    List<String> heard = new ArrayList<>();

    AdverseMediaResult result =
        client()
            .asyncJobs()
            .handle(JOB, AdverseMediaResult.class).awaitCompletion(WaitOptions.of(fixed, j -> heard.add(j.rawStatus())));

    assertThat(result.riskLevel()).isEqualTo(AdverseMediaResult.RiskLevel.HIGH);
    assertThat(heard).containsExactly("pending", "processing", "migrating", "ready");
    assertThat(server.getRequestCount()).isEqualTo(5);
    assertThat(time.scheduledDelays())
        .containsExactly(
            Duration.ZERO,
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));
  }

  @Test
  void awaitCompletionAsync_completesWithTheResult() throws Exception {
    server.enqueue(job("processing", ""));
    server.enqueue(ready());

    CompletableFuture<JsonNode> f =
        client().asyncJobs().handle(JOB, JsonNode.class).awaitCompletionAsync();

    JsonNode result = time.await(f);
    assertThat(result.get("riskScore").asInt()).isEqualTo(72);
  }

  @Test
  void awaitCompletion_404OnTheFirstPoll_isPlainNotFound() {
    server.enqueue(json(404, "{\"message\":\"Job not found\"}"));

    NotFoundException e =
        catchThrowableOfType(
            NotFoundException.class,
            () -> client().asyncJobs().handle(JOB, JsonNode.class).awaitCompletion());

    assertThat(e).isNotInstanceOf(JobExpiredException.class);
  }

  @Test
  void awaitCompletion_404AfterTheJobWasSeen_isJobExpired() {
    server.enqueue(job("processing", ""));
    server.enqueue(json(404, "{\"message\":\"Job not found\"}"));

    JobExpiredException e =
        catchThrowableOfType(
            JobExpiredException.class,
            () -> client().asyncJobs().handle(JOB, JsonNode.class).awaitCompletion(WaitOptions.of(fixed)));

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.jobId()).isEqualTo(JOB);
    assertThat(e.lastSeen()).hasValueSatisfying(j -> assertThat(j.rawStatus()).isEqualTo("processing"));
    assertThat(rawTree(e.lastSeen().orElseThrow().rawJson().orElseThrow()).get("status").asText())
        .isEqualTo("processing");
    assertThat(e.getMessage())
        .contains("Job " + JOB + " has expired", "fetch results promptly once a job is ready",
            "HTTP 404 on GET /v1/async-jobs/" + JOB, "Job not found");
  }

  @Test
  void screeningHandle_retrieve404_isJobExpired() {
    server.enqueue(created(202, "pending"));
    server.enqueue(json(404, "{\"message\":\"Job not found\"}"));
    AdverseMediaScreening s = client().screening().adverseMedia(Fixtures.request());

    assertThatThrownBy(s::retrieve)
        .isInstanceOf(JobExpiredException.class)
        .hasMessageContaining("has expired");
  }

  @Test
  void createResponseWithoutJobId_isInvalidResponse() {
    server.enqueue(json(202, "{\"status\":\"pending\"}"));

    assertThatThrownBy(() -> client().screening().adverseMedia(Fixtures.request()))
        .isInstanceOf(dev.jobsdk.core.InvalidResponseException.class)
        .hasMessage("POST /v1/screening/adverse-media returned no jobId");
  }

  @Test
  void traceLogging_redactsTheApiKey() {
    Logger transportLog = (Logger) LoggerFactory.getLogger("dev.jobsdk.core.internal.Transport");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level before = transportLog.getLevel();
    transportLog.setLevel(Level.TRACE);
    transportLog.addAppender(appender);
    try {
      server.enqueue(created(202, "pending"));
      server.enqueue(job("pending", ""));

      client().screening().adverseMedia(Fixtures.request()).retrieve();
    } finally {
      transportLog.detachAppender(appender);
      transportLog.setLevel(before);
    }

    assertThat(appender.list).isNotEmpty();
    assertThat(appender.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(m -> assertThat(m).containsIgnoringCase("x-api-key"))
        .allSatisfy(m -> assertThat(m).doesNotContain(KEY));
  }

  @Test
  void errors_neverContainTheApiKey() {
    server.enqueue(json(401, "{\"message\":\"Invalid API key\"}"));

    Throwable e = catchThrowableOfType(RuntimeException.class,
        () -> client().asyncJobs().retrieve(JOB));

    assertThat(e).isInstanceOf(dev.jobsdk.core.AuthenticationException.class);
    assertThat(e.getMessage()).doesNotContain(KEY);
    assertThat(e.toString()).doesNotContain(KEY);
  }

  private static com.fasterxml.jackson.databind.JsonNode rawTree(String json) {
    try {
      return dev.jobsdk.core.internal.Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
