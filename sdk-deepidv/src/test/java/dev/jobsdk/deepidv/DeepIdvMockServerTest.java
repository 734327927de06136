package dev.jobsdk.deepidv;

import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.WaitOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.AuthenticationException;
import dev.jobsdk.core.BadRequestException;
import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.NotFoundException;
import dev.jobsdk.core.PaymentRequiredException;
import dev.jobsdk.core.PermissionDeniedException;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.deepidv.AdverseMediaResult.ExposuresByCategory;
import dev.jobsdk.mock.Fault;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJob;
import dev.jobsdk.mock.MockJobServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client against the mock DeepIDV server, on one virtual clock: a blocking wait runs its whole
 * poll schedule on the test thread in milliseconds.
 */
class DeepIdvMockServerTest {
  private static final String ORG_A = MockCredentials.DEEPIDV_ORG_A_KEY;
  private static final String ORG_B = MockCredentials.DEEPIDV_ORG_B_KEY;
  private static final String CREATE = "/v1/screening/adverse-media";

  /** Polls every 2 s exactly, so that schedules are predictable. */
  private static final PollingPolicy EVERY_2S =
      PollingPolicy.builder()
          .interval(Duration.ofSeconds(2))
          .multiplier(1.0)
          .maxInterval(Duration.ofSeconds(2))
          .jitter(PollingPolicy.Jitter.NONE)
          .build();

  final VirtualScheduler time = VirtualScheduler.create();
  final List<AutoCloseable> closeables = new ArrayList<>();
  MockJobServer server;

  MockJobServer server() {
    return server(b -> {});
  }

  MockJobServer server(Consumer<MockJobServer.Builder> options) {
    MockJobServer.Builder b = MockJobServer.builder().clock(time.clock());
    options.accept(b);
    server = b.start();
    closeables.add(server);
    return server;
  }

  DeepIdvClient client(String apiKey) {
    DeepIdvClient c =
        DeepIdvClient.builder()
            .apiKey(apiKey)
            .baseUrl(server.deepIdvBaseUrl())
            .scheduler(time)
            .build();
    closeables.add(c);
    return c;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
  }

  // --- the happy path ------------------------------------------------------------------------

  @Test
  void screening_awaitCompletion_returnsTypedResultWithAllNineCategories() {
    server(b -> b.seed(7)).deepIdv().nextJob(Lifecycle.succeedsAfter(Duration.ofSeconds(45)));
    DeepIdvClient client = client(ORG_A);
    List<String> heard = new ArrayList<>();

    AdverseMediaScreening screening = client.screening().adverseMedia(Fixtures.request());
    AdverseMediaResult result =
        screening.awaitCompletion(WaitOptions.of(EVERY_2S, job -> heard.add(job.rawStatus())));

    assertThat(heard).containsExactly("processing", "ready");
    assertThat(result.riskLevel()).isNotEqualTo(AdverseMediaResult.RiskLevel.UNKNOWN);
    assertThat(result.riskScore()).isBetween(0, 100);
    assertThat(result.summary()).isNotBlank();
    assertThat(result.findings()).hasSize(result.totalHits());
    ExposuresByCategory e = result.exposuresByCategory();
    assertThat(e.all().keySet()).containsExactlyElementsOf(ExposuresByCategory.KNOWN_CATEGORIES);
    assertThat(e.unknownCategories()).isEmpty();
    assertThat(
            e.financialCrime().hits() + e.terrorism().hits() + e.regulatory().hits()
                + e.political().hits() + e.organizedCrime().hits() + e.violentCrime().hits()
                + e.criminalLegal().hits() + e.reputational().hits() + e.courtRecords().hits())
        .isEqualTo(result.totalHits());
    assertThat(server.journal().requestsAfterTerminal(screening.id())).isZero();
  }

  @Test
  void screening_findings_carryEveryDocumentedField() {
    MockJobServer s = server(b -> b.seed(11));
    s.deepIdv().nextJob(Lifecycle.succeedsAfter(Duration.ofSeconds(30)));
    DeepIdvClient client = client(ORG_A);

    AdverseMediaResult result = awaitResultWithFindings(client, s);

    AdverseMediaResult.Finding f = result.findings().get(0);
    assertThat(f.findingId()).isNotBlank();
    assertThat(f.severity()).isNotEqualTo(AdverseMediaResult.Severity.UNKNOWN);
    assertThat(ExposuresByCategory.KNOWN_CATEGORIES).contains(f.category());
    assertThat(f.title()).contains("Jane Doe");
    assertThat(f.detail()).isNotBlank();
    assertThat(f.sourceUrl()).isPresent();
    assertThat(f.sourceName()).isPresent();
    assertThat(f.articleLocalDate()).isPresent();
    assertThat(f.confidence()).isBetween(0.0, 1.0);
    assertThat(f.confirmedBy()).contains("news");
    AdverseMediaResult.Article a =
        result.exposuresByCategory().get(f.category()).orElseThrow().articles().get(0);
    assertThat(a.headline()).isNotBlank();
    assertThat(a.sourceLink()).isPresent();
    assertThat(a.source()).isEqualTo(AdverseMediaResult.ArticleSource.NEWS);
    assertThat(a.parsedTimestamp()).isPresent();
  }

  /** Screens until the seeded result has at least one finding (the mock draws 0 to 3 hits). */
  private AdverseMediaResult awaitResultWithFindings(DeepIdvClient client, MockJobServer s) {
    for (int i = 0; i < 20; i++) {
      s.deepIdv().nextJob(Lifecycle.succeedsAfter(Duration.ofSeconds(30)));
      AdverseMediaResult r =
          client.screening().adverseMedia(Fixtures.request()).awaitCompletion(WaitOptions.of(EVERY_2S));
      if (!r.findings().isEmpty()) {
        return r;
      }
    }
    throw new AssertionError("no screening with findings in 20 tries");
  }

  @Test
  void screening_defaultPolicy_pollsBetweenOneAndFiveSecondsAndStopsAtReady() {
    server().deepIdv().nextJob(Lifecycle.succeedsAfter(Duration.ofSeconds(60)));
    DeepIdvClient client = client(ORG_A);

    AdverseMediaScreening screening = client.screening().adverseMedia(Fixtures.request());
    screening.awaitCompletion();

    List<Duration> delays = time.scheduledDelays();
    assertThat(delays.get(0)).isZero();
    assertThat(delays.subList(1, delays.size()))
        .allSatisfy(
            d -> assertThat(d).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5)));
    assertThat(server.journal().requestsAfterTerminal(screening.id())).isZero();
  }

  @Test
  void screening_awaitCompletionAsync_completesWithTheResult() throws Exception {
    server().deepIdv().nextJob(Lifecycle.succeedsAfter(Duration.ofSeconds(20)));
    DeepIdvClient client = client(ORG_A);
    List<JobState> heard = new ArrayList<>();

    CompletableFuture<AdverseMediaResult> future =
        client
            .screening()
            .adverseMedia(Fixtures.request())
            .awaitCompletionAsync(WaitOptions.of(EVERY_2S, job -> heard.add(job.state())));

    assertThat(future).isNotDone();
    AdverseMediaResult result = time.await(future);
    assertThat(result.exposuresByCategory().all()).hasSize(9);
    assertThat(heard).containsExactly(JobState.RUNNING, JobState.SUCCEEDED);
  }

  @Test
  void asyncJobs_awaitCompletion_byIdWithResultTypeOrAsJsonOrMap() {
    MockJobServer s = server();
    String id = s.deepIdv().createJob(ORG_A, Lifecycle.succeedsAfter(Duration.ofSeconds(10)));
    DeepIdvClient client = client(ORG_A);

    AdverseMediaResult typed = client.asyncJobs().handle(id, AdverseMediaResult.class).awaitCompletion();
    JsonNode tree = client.asyncJobs().handle(id, JsonNode.class).awaitCompletion(WaitOptions.of(EVERY_2S));
    @SuppressWarnings("rawtypes")
    Map map = client.asyncJobs().handle(id, Map.class).awaitCompletion();

    assertThat(tree.get("riskScore").asInt()).isEqualTo(typed.riskScore());
    assertThat(map.get("totalHits")).isEqualTo(typed.totalHits());
  }

  // --- the union, stage by stage ---------------------------------------------------------------

  @Test
  void retrieve_eachStage_givesItsSealedVariant() {
    MockJobServer s = server();
    s.deepIdv()
        .nextJob(
            Lifecycle.builder()
                .queued(Duration.ofSeconds(5))
                .stage("searching", Duration.ofSeconds(20))
                .build());
    DeepIdvClient client = client(ORG_A);
    Instant created = time.now();
    AdverseMediaScreening screening = client.screening().adverseMedia(Fixtures.request());

    AsyncJob<AdverseMediaResult> pending = screening.retrieve();
    time.advance(Duration.ofSeconds(6));
    AsyncJob<AdverseMediaResult> processing = screening.retrieve();
    time.advance(Duration.ofSeconds(20));
    AsyncJob<AdverseMediaResult> ready =
        client.asyncJobs().retrieve(screening.id(), AdverseMediaResult.class);

    assertThat(pending).isInstanceOf(AsyncJob.Pending.class);
    assertThat(pending.state()).isEqualTo(JobState.PENDING);
    assertThat(processing).isInstanceOf(AsyncJob.Processing.class);
    assertThat(processing.state()).isEqualTo(JobState.RUNNING);
    assertThat(processing.updatedAt()).isAfter(pending.updatedAt());
    assertThat(ready).isInstanceOf(AsyncJob.Ready.class);
    assertThat(ready.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(((AsyncJob.Ready<AdverseMediaResult>) ready).result().exposuresByCategory().all())
        .hasSize(9);
    assertThat(List.of(pending, processing, ready))
        .allSatisfy(
            j -> {
              assertThat(j.jobId()).isEqualTo(screening.id());
              assertThat(j.createdAt()).isEqualTo(created);
            });
  }

  @Test
  void retrieve_rawJson_ofEachStage_isTheServersBodyAndAgreesWithTheTypedView() throws Exception {
    MockJobServer s = server();
    s.deepIdv()
        .nextJob(
            Lifecycle.builder()
                .queued(Duration.ofSeconds(5))
                .stage("searching", Duration.ofSeconds(20))
                .build());
    String failedId =
        s.deepIdv().createJob(ORG_A, Lifecycle.failsAfter(Duration.ofSeconds(5), "upstream timeout"));
    DeepIdvClient client = client(ORG_A);
    AdverseMediaScreening screening = client.screening().adverseMedia(Fixtures.request());

    AsyncJob<AdverseMediaResult> pending = screening.retrieve();
    time.advance(Duration.ofSeconds(6));
    AsyncJob<AdverseMediaResult> processing = screening.retrieve();
    AsyncJob<JsonValue> failed = client.asyncJobs().retrieve(failedId);
    time.advance(Duration.ofSeconds(20));
    AsyncJob.Ready<AdverseMediaResult> ready =
        (AsyncJob.Ready<AdverseMediaResult>) screening.retrieve();

    assertThat(List.<AsyncJob<?>>of(pending, processing, ready, failed))
        .allSatisfy(
            j -> {
              JsonNode raw = rawTree(j.rawJson().orElseThrow());
              assertThat(raw.get("jobId").asText()).isEqualTo(j.jobId());
              assertThat(raw.get("status").asText()).isEqualTo(j.rawStatus());
              assertThat(Instant.parse(raw.get("updatedAt").asText())).isEqualTo(j.updatedAt());
            });
    assertThat(
            dev.jobsdk.deepidv.internal.AdverseMediaReader.read(
                rawTree(ready.rawJson().orElseThrow()).get("result")))
        .isEqualTo(ready.result());
    assertThat(rawTree(failed.rawJson().orElseThrow()).get("error").asText()).isEqualTo("upstream timeout");
  }

  @Test
  void retrieve_bodyWithFieldsTheSdkDoesNotModel_keepsThemInRawJson() throws Exception {
    MockJobServer s = server();
    String id = s.deepIdv().createJob(ORG_A, Lifecycle.succeedsAfter(Duration.ofSeconds(10)));
    String sent =
        "{\"jobId\":\"" + id + "\",\"status\":\"processing\",\"createdAt\":1716897600,"
            + "\"updatedAt\":\"2026-06-05T12:00:00.000Z\",\"progress\":{\"percent\":40},"
            + "\"tags\":[\"kyc\",\"eu\"]}";
    s.faults()
        .add(Fault.on("GET", "/v1/async-jobs/*").times(1).status(200).body("application/json", sent));

    AsyncJob<JsonValue> job = client(ORG_A).asyncJobs().retrieve(id);

    assertThat(job).isInstanceOf(AsyncJob.Processing.class);
    assertThat(rawTree(job.rawJson().orElseThrow())).isEqualTo(dev.jobsdk.core.internal.Json.MAPPER.readTree(sent));
    assertThat(rawTree(job.rawJson().orElseThrow()).get("progress").get("percent").asInt()).isEqualTo(40);
  }

  @Test
  void retrieve_failedJob_isFailedVariantWithTheError() {
    MockJobServer s = server();
    String id =
        s.deepIdv().createJob(ORG_A, Lifecycle.failsAfter(Duration.ofSeconds(5), "upstream timeout"));
    time.advance(Duration.ofSeconds(5));

    AsyncJob<JsonValue> job = client(ORG_A).asyncJobs().retrieve(id);

    assertThat(job).isInstanceOf(AsyncJob.Failed.class);
    assertThat(((AsyncJob.Failed<JsonValue>) job).error()).isEqualTo("upstream timeout");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void retrieve_createdAt_isReadInEpochMillisAndInEpochSeconds(boolean seconds) {
    MockJobServer s = server(b -> b.deepIdvCreatedAtSeconds(seconds));
    time.advance(Duration.ofMillis(1_500));
    Instant created = time.now();
    String id = s.deepIdv().createJob(ORG_A, Lifecycle.succeedsAfter(Duration.ofSeconds(10)));

    AsyncJob<JsonValue> job = client(ORG_A).asyncJobs().retrieve(id);

    // Seconds lose the sub-second part; milliseconds keep it. Either way the date is right.
    assertThat(job.createdAt())
        .isEqualTo(seconds ? created.minusMillis(500) : created)
        .isBetween(VirtualScheduler.DEFAULT_START, created);
  }

  // --- failures --------------------------------------------------------------------------------

  @Test
  void awaitCompletion_failedJob_throwsJobFailedExceptionWithTheError() {
    server().deepIdv().nextJob(Lifecycle.failsAfter(Duration.ofSeconds(20), "upstream timeout"));
    DeepIdvClient client = client(ORG_A);
    AdverseMediaScreening screening = client.screening().adverseMedia(Fixtures.request());

    JobFailedException e =
        catchThrowableOfType(JobFailedException.class, () -> screening.awaitCompletion(WaitOptions.of(EVERY_2S)));

    assertThat(e.getMessage()).contains(screening.id(), "upstream timeout");
    assertThat(e.snapshot()).isInstanceOf(AsyncJob.Failed.class);
    assertThat(e.snapshot().errorMessage()).contains("upstream timeout");
    @SuppressWarnings("unchecked")
    AsyncJob.Failed<AdverseMediaResult> failed = e.lastSnapshot(AsyncJob.Failed.class).orElseThrow();
    assertThat(failed.error()).isEqualTo("upstream timeout");
    assertThat(server.journal().requestsAfterTerminal(screening.id())).isZero();
  }

  @Test
  void createRetriedAfterConnectionReset_replaysTheSameJob_exactlyOneJobExists() {
    MockJobServer s = server();
    s.faults().add(Fault.on("POST", CREATE).times(1).resetConnection());
    DeepIdvClient client = client(ORG_A);

    AdverseMediaScreening screening = client.screening().adverseMedia(Fixtures.request());

    assertThat(s.journal().requestCount("POST", CREATE)).isEqualTo(2);
    List<MockJob> jobs = s.jobs().list();
    assertThat(jobs).hasSize(1);
    assertThat(screening.id()).isEqualTo(jobs.get(0).id());
    assertThat(screening.created().state()).isEqualTo(JobState.PENDING);
    assertThat(screening.awaitCompletion().exposuresByCategory().all()).hasSize(9);
  }

  @Test
  void awaitCompletion_jobExpiresBetweenPolls_throwsJobExpiredException() {
    MockJobServer s = server(b -> b.deepIdvJobTtl(Duration.ofSeconds(30)));
    s.deepIdv().nextJob(Lifecycle.succeedsAfter(Duration.ofSeconds(10)));
    DeepIdvClient client = client(ORG_A);
    AdverseMediaScreening screening = client.screening().adverseMedia(Fixtures.request());
    // Ready at 10 s and gone at 40 s: a poll at 0 s and the next at 60 s never sees it ready.
    PollingPolicy everyMinute =
        EVERY_2S.toBuilder()
            .interval(Duration.ofSeconds(60))
            .maxInterval(Duration.ofSeconds(60))
            .build();

    JobExpiredException e =
        catchThrowableOfType(
            JobExpiredException.class, () -> screening.awaitCompletion(WaitOptions.of(everyMinute)));

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.jobId()).isEqualTo(screening.id());
    assertThat(e.lastSeen()).hasValueSatisfying(j -> assertThat(j).isInstanceOf(AsyncJob.Processing.class));
    assertThat(e.getMessage())
        .contains("has expired", "fetch results promptly once a job is ready", "Job not found.");
    assertThat(time.scheduledDelays()).containsExactly(Duration.ZERO, Duration.ofSeconds(60));
  }

  @Test
  void awaitCompletionById_jobSeenThenExpired_throwsJobExpiredException_butUnknownIdIsNotFound() {
    MockJobServer s = server(b -> b.deepIdvJobTtl(Duration.ofSeconds(5)));
    String id = s.deepIdv().createJob(ORG_A, Lifecycle.succeedsAfter(Duration.ofSeconds(10)));
    DeepIdvClient client = client(ORG_A);
    PollingPolicy every20s =
        EVERY_2S.toBuilder()
            .interval(Duration.ofSeconds(20))
            .maxInterval(Duration.ofSeconds(20))
            .build();

    assertThatThrownBy(() -> client.asyncJobs().handle(id, AdverseMediaResult.class).awaitCompletion(WaitOptions.of(every20s)))
        .isInstanceOf(JobExpiredException.class);
    NotFoundException unknown =
        catchThrowableOfType(
            NotFoundException.class,
            () -> client.asyncJobs().handle("00000000-0000-4000-8000-000000000000", JsonNode.class).awaitCompletion());
    assertThat(unknown).isNotInstanceOf(JobExpiredException.class);
  }

  @Test
  void handle_retrieveAfterTheTtl_throwsJobExpiredException() {
    MockJobServer s = server(b -> b.deepIdvJobTtl(Duration.ofMinutes(5)));
    s.deepIdv().nextJob(Lifecycle.succeedsAfter(Duration.ofSeconds(10)));
    AdverseMediaScreening screening = client(ORG_A).screening().adverseMedia(Fixtures.request());
    time.advance(Duration.ofMinutes(6));

    assertThatThrownBy(screening::retrieve).isInstanceOf(JobExpiredException.class);
  }

  @Test
  void invalidKey_is401AuthenticationException_withoutTheKeyInTheMessage() {
    server();
    DeepIdvClient client = client("sk_test_revoked_key");

    AuthenticationException create =
        catchThrowableOfType(
            AuthenticationException.class,
            () -> client.screening().adverseMedia(Fixtures.request()));
    AuthenticationException poll =
        catchThrowableOfType(
            AuthenticationException.class,
            () -> client.asyncJobs().retrieve("00000000-0000-4000-8000-000000000000"));

    assertThat(create.statusCode()).isEqualTo(401);
    assertThat(poll.statusCode()).isEqualTo(401);
    assertThat(create.getMessage() + poll.getMessage()).doesNotContain("sk_test_revoked_key");
    assertThat(server.jobs().list()).isEmpty();
    assertThat(server.journal().authHeadersSeen()).containsExactly("x-api-key");
  }

  @Test
  void noBalance_is402PaymentRequiredWithThePlainTextMessage_andNoJob() {
    server().deepIdv().setBalance(ORG_A, false);
    DeepIdvClient client = client(ORG_A);

    PaymentRequiredException e =
        catchThrowableOfType(
            PaymentRequiredException.class,
            () -> client.screening().adverseMedia(Fixtures.request()));

    assertThat(e.statusCode()).isEqualTo(402);
    assertThat(e.errorMessage()).contains("Insufficient funds or subscription.");
    assertThat(server.jobs().list()).isEmpty();
  }

  @Test
  void anotherOrgsJob_is403PermissionDenied_forRetrieveAndAwait() {
    MockJobServer s = server();
    String id = s.deepIdv().createJob(ORG_A, Lifecycle.succeedsAfter(Duration.ofSeconds(10)));
    DeepIdvClient orgB = client(ORG_B);

    assertThatThrownBy(() -> orgB.asyncJobs().retrieve(id))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> orgB.asyncJobs().handle(id, AdverseMediaResult.class).awaitCompletion())
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(s.journal().pollsOf(id)).isEqualTo(2);
  }

  @Test
  void malformedId_isSentAndTheServers400IsBadRequest_butPathUnsafeIdsNeverLeave() {
    MockJobServer s = server();
    DeepIdvClient client = client(ORG_A);

    assertThatThrownBy(() -> client.asyncJobs().retrieve("not-a-uuid"))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Malformed job ID.");
    long before = s.journal().requestCount();
    for (String unsafe : List.of("", " ", "../v1/screening", "a/b", "%2e%2e", "a\nb")) {
      assertThatThrownBy(() -> client.asyncJobs().retrieve(unsafe))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("jobId ");
      assertThatThrownBy(() -> client.asyncJobs().handle(unsafe, JsonNode.class).awaitCompletion())
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(s.journal().requestCount()).isEqualTo(before);
  }

  @Test
  void invalidRequests_areRejectedBeforeAnyRequest() {
    MockJobServer s = server();
    DeepIdvClient client = client(ORG_A);
    List<Runnable> invalid =
        List.of(
            () -> Fixtures.request().toBuilder().email("not-an-email"),
            () -> Fixtures.request().toBuilder().firstName(""),
            () -> Fixtures.request().toBuilder().lastName("x".repeat(256)),
            () -> Fixtures.request().toBuilder().dateOfBirth("1990-02-30"),
            () -> Fixtures.request().toBuilder().dateOfBirth("01/02/1990"),
            () -> Fixtures.request().toBuilder().country("ZZ"),
            () -> AdverseMediaRequest.builder().email("a@example.com").build(),
            () -> client.screening().adverseMedia(null),
            () -> client.screening().adverseMedia(Fixtures.request(), "has space"),
            () -> client.asyncJobs().retrieve(null),
            () -> client.asyncJobs().retrieve("00000000-0000-4000-8000-000000000000", null));

    assertThat(invalid)
        .allSatisfy(
            call -> assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class));
    assertThat(s.journal().requestCount()).isZero();
    assertThat(s.jobs().list()).isEmpty();
  }

  @Test
  void pollAnswered429WithRetryAfter_waitsAsToldAndCarriesOn() {
    MockJobServer s = server();
    s.deepIdv().nextJob(Lifecycle.succeedsAfter(Duration.ofSeconds(10)));
    s.faults().add(Fault.on("GET", "/v1/async-jobs/*").nth(2).status(429).retryAfter(Duration.ofSeconds(7)));
    DeepIdvClient client = client(ORG_A);

    AdverseMediaResult result =
        client.screening().adverseMedia(Fixtures.request()).awaitCompletion(WaitOptions.of(EVERY_2S));

    assertThat(result).isNotNull();
    assertThat(time.scheduledDelays()).contains(Duration.ofSeconds(7));
  }

  private static com.fasterxml.jackson.databind.JsonNode rawTree(String json) {
    try {
      return dev.jobsdk.core.internal.Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
