package dev.jobsdk.jobs;

import dev.jobsdk.core.WaitOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.jobsdk.core.AuthenticationException;
import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.JobTimeoutException;
import dev.jobsdk.core.NotFoundException;
import dev.jobsdk.core.PermissionDeniedException;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJob;
import dev.jobsdk.mock.MockJobServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * The client against the mock Risk Intelligence Tool, with one virtual clock driving both: a
 * blocking wait runs on the test thread in milliseconds, jumping from poll to poll.
 */
class JobsMockServerTest {
  static final String ASSESSMENT = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
  static final String THROTTLED = "Bedrock API error: ThrottlingException - Rate exceeded";

  final VirtualScheduler time = VirtualScheduler.create();
  final List<AutoCloseable> closeables = new ArrayList<>();
  MockJobServer mock;

  MockJobServer mock() {
    return mock(Duration.ofHours(1));
  }

  MockJobServer mock(Duration tokenLifetime) {
    if (mock == null) {
      mock = MockJobServer.builder().clock(time.clock()).tokenLifetime(tokenLifetime).start();
      closeables.add(mock);
    }
    return mock;
  }

  JobsClient login(String email, String password) {
    JobsClient client =
        JobsClient.builder()
            .baseUrl(mock().riskToolBaseUrl())
            .login(email, password)
            .scheduler(time)
            .build();
    closeables.add(client);
    return client;
  }

  JobsClient user() {
    return login(MockCredentials.RISK_USER_EMAIL, MockCredentials.RISK_USER_PASSWORD);
  }

  JobsClient admin() {
    return login(MockCredentials.RISK_ADMIN_EMAIL, MockCredentials.RISK_ADMIN_PASSWORD);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) {
      closeables.get(i).close();
    }
  }

  /** Every wait-related test runs once through the blocking wait and once through the async one. */
  enum Await {
    BLOCKING,
    ASYNC;

    Job on(VirtualScheduler time, JobHandle<Job, Job> handle, ProgressListener<Job> listener) {
      PollingPolicy policy = JobsClient.DEFAULT_POLLING_POLICY;
      if (this == BLOCKING) {
        return handle.awaitCompletion(WaitOptions.of(policy, listener));
      }
      CompletableFuture<Job> future = handle.awaitCompletionAsync(WaitOptions.of(policy, listener));
      try {
        return time.await(future);
      } catch (ExecutionException e) {
        throw (RuntimeException) e.getCause();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** Records what a listener heard as "STATUS" or "STATUS: progress message". */
  static final class Heard implements ProgressListener<Job> {
    final List<String> events = new ArrayList<>();

    @Override
    public void onProgress(Job job) {
      events.add(
          job.rawStatus()
              + job.progress().flatMap(p -> p.message()).map(m -> ": " + m).orElse(""));
    }
  }

  // ------------------------------------------------------------------ creators, await, typed results

  @ParameterizedTest
  @EnumSource(Await.class)
  void preview_awaitsToATypedAiPreviewResult(Await await) {
    PromptPreviewRequest request =
        PromptPreviewRequest.builder()
            .systemPrompt("You are an expert agricultural risk analyst.")
            .userPromptTemplate("Identify the main risks for: {{company}}")
            .variable("company", "a coffee cooperative")
            .context(PromptContext.builder().persona("senior analyst").addSource("FAO").build())
            .build();
    Heard heard = new Heard();

    JobHandle<Job, Job> handle = admin().prompts().preview(request);
    Job job = await.on(time, handle, heard);

    assertThat(job.id()).isEqualTo(handle.id());
    assertThat(job.type()).isEqualTo(JobType.AI_PREVIEW);
    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job.input().path("userPromptTemplate").asString().orElseThrow())
        .isEqualTo("Identify the main risks for: {{company}}");
    AiPreviewResult result = job.aiPreviewResult().orElseThrow();
    assertThat(result.output()).contains("a coffee cooperative");
    assertThat(result.tokensUsed()).isPresent();
    assertThat(result.processingTime()).hasValueSatisfying(d -> assertThat(d).isPositive());
    assertThat(heard.events).startsWith("PENDING").endsWith("COMPLETED").contains("PROCESSING");
    assertThat(mock().journal().requestsAfterTerminal(job.id())).isZero();
  }

  /** A document the mock knows, as an upload would register it: parsing an unknown one is a 404. */
  private String document() {
    return mock().riskTool().addDocument(MockCredentials.RISK_USER_EMAIL, ASSESSMENT, "plan.pdf");
  }

  @ParameterizedTest
  @EnumSource(Await.class)
  void parseDocument_awaitsToTablesAndMetadata_andChainsGapDetection(Await await) {
    JobsClient client = user();

    String documentId = document();
    JobHandle<Job, Job> handle = client.assessments().parseDocument(ASSESSMENT, documentId);
    Job job = await.on(time, handle, ProgressListener.none());

    ParseDocumentResult parsed = job.parseDocumentResult().orElseThrow();
    assertThat(parsed.pages()).isPositive();
    assertThat(parsed.textContent()).isNotBlank();
    assertThat(parsed.tables()).isNotEmpty();
    assertThat(parsed.tables().get(0).headers()).isNotEmpty();
    assertThat(parsed.tables().get(0).rows()).hasSize(parsed.tables().get(0).rowCount());
    assertThat(parsed.metadata().orElseThrow().s3Key()).hasValueSatisfying(k -> assertThat(k).contains(documentId));
    assertThat(job.input().path("documentId").asString().orElseThrow()).isEqualTo(documentId);

    // The server starts a GAP_DETECTION job by itself and never returns its id; the mock shows it.
    String gapJobId =
        mock().jobs().list().stream()
            .filter(j -> j.kind().equals("GAP_DETECTION"))
            .map(MockJob::id)
            .findFirst()
            .orElseThrow();
    Job gaps = client.jobs().handle(gapJobId).awaitCompletion();
    assertThat(gaps.gapDetectionResult().orElseThrow().assessmentId()).isEqualTo(ASSESSMENT);
  }

  @ParameterizedTest
  @EnumSource(Await.class)
  void submitGapFields_awaitsToARiskAnalysisResult(Await await) {
    Job job = await.on(time, user().assessments().submitGapFields(ASSESSMENT), ProgressListener.none());

    RiskAnalysisResult risk = job.riskAnalysisResult().orElseThrow();
    assertThat(risk.assessmentId()).isEqualTo(ASSESSMENT);
    assertThat(risk.categoriesScored()).isEqualTo(7);
    assertThat(risk.overallScore()).isBetween(0.0, 100.0);
  }

  @ParameterizedTest
  @EnumSource(Await.class)
  void generateReport_awaitsToADownloadUrl(Await await) {
    Job job = await.on(time, user().assessments().generateReport(ASSESSMENT), ProgressListener.none());

    ReportGenerationResult report = job.reportGenerationResult().orElseThrow();
    assertThat(report.assessmentId()).isEqualTo(ASSESSMENT);
    assertThat(report.pdfKey()).endsWith(".pdf");
    assertThat(report.downloadUrl().getScheme()).isEqualTo("https");
    assertThatThrownBy(job::aiPreviewResult).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void awaitCompletionById_followsAJobCreatedElsewhere() {
    JobsClient client = user();
    String id =
        mock().riskTool().createJob(MockCredentials.RISK_USER_EMAIL, "RISK_ANALYSIS", null);

    Job job = client.jobs().handle(id).awaitCompletion();

    assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(job.createdById()).contains(mock().riskTool().userId(MockCredentials.RISK_USER_EMAIL));
  }

  // ------------------------------------------------------------------ retries and failures

  @ParameterizedTest
  @EnumSource(Await.class)
  void jobThatFailsOneAttempt_returnsToPendingAsProgress_thenCompletes(Await await) {
    mock()
        .riskTool()
        .nextJob(
            "REPORT_GENERATION",
            Lifecycle.builder()
                .queued(Duration.ofSeconds(30))
                .stage("rendering_pdf", Duration.ofSeconds(40), "Rendering PDF report...")
                .failAttempts(1, "S3 upload failed")
                .build());
    Heard heard = new Heard();

    Job job = await.on(time, user().assessments().generateReport(ASSESSMENT), heard);

    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job.attempts()).isEqualTo(2);
    assertThat(job.reportGenerationResult()).isPresent();
    assertThat(heard.events)
        .containsSubsequence(
            "PENDING",
            "PROCESSING",
            "PENDING: retrying after failed attempt 1 of 3",
            "PROCESSING: attempt 2 of 3",
            "COMPLETED");
  }

  @ParameterizedTest
  @EnumSource(Await.class)
  void jobThatFailsAllThreeAttempts_throwsJobFailedWithTheVendorsError(Await await) {
    mock().riskTool().nextJob("AI_PREVIEW", Lifecycle.failsAfter(Duration.ofSeconds(20), THROTTLED));
    JobHandle<Job, Job> handle = admin().prompts().preview(PromptPreviewRequest.of("s", "u"));

    assertThatThrownBy(() -> await.on(time, handle, ProgressListener.none()))
        .isInstanceOfSatisfying(
            JobFailedException.class,
            e -> {
              assertThat(e.getMessage()).contains(THROTTLED);
              Job failed = e.lastSnapshot(Job.class).orElseThrow();
              assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
              assertThat(failed.error()).contains(THROTTLED);
              assertThat(failed.attempts()).isEqualTo(3);
              assertThat(failed.completedAt()).isPresent();
            });
    assertThat(mock().journal().requestsAfterTerminal(handle.id())).isZero();
  }

  // ------------------------------------------------------------------ tokens

  @ParameterizedTest
  @EnumSource(Await.class)
  void awaitThatOutlivesSeveralTokens_succeedsOnOneLogin(Await await) {
    mock(Duration.ofMinutes(3))
        .riskTool()
        .nextJob(
            "RISK_ANALYSIS",
            Lifecycle.builder()
                .queued(Duration.ofMinutes(1))
                .stage("scoring", Duration.ofMinutes(12), "Scoring risk categories...")
                .build());
    JobsClient client = user();

    Job job = await.on(time, client.assessments().submitGapFields(ASSESSMENT), ProgressListener.none());

    assertThat(job.riskAnalysisResult()).isPresent();
    assertThat(mock().journal().requestCount("POST", "/api/auth/login")).isEqualTo(1);
    assertThat(mock().journal().requestCount("POST", "/api/auth/refresh-token"))
        .as("13 minutes of 3-minute tokens")
        .isGreaterThanOrEqualTo(4);
  }

  @Test
  void staticTokenThatExpiresMidWait_failsWithAuthenticationException() {
    mock(Duration.ofMinutes(3))
        .riskTool()
        .nextJob("RISK_ANALYSIS", Lifecycle.succeedsAfter(Duration.ofMinutes(10)));
    String id = mock().riskTool().createJob(MockCredentials.RISK_USER_EMAIL, "RISK_ANALYSIS", null);
    String token = accessTokenFromLogin();
    JobsClient tokenClient =
        JobsClient.builder().baseUrl(mock().riskToolBaseUrl()).token(token).scheduler(time).build();
    closeables.add(tokenClient);

    assertThatThrownBy(() -> tokenClient.jobs().handle(id).awaitCompletion())
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Invalid or expired token");
  }

  // ------------------------------------------------------------------ errors

  @Test
  void anotherUsersJob_throwsPermissionDeniedWithTheServersMessage() {
    String adminsJob =
        mock().riskTool().createJob(MockCredentials.RISK_ADMIN_EMAIL, "AI_PREVIEW", null);
    JobsClient client = user();

    assertThatThrownBy(() -> client.jobs().retrieve(adminsJob))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.errorMessage()).contains("You do not own this job");
              assertThat(e.errorCode()).contains("FORBIDDEN");
            });
    assertThatThrownBy(() -> client.jobs().handle(adminsJob).awaitCompletion())
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(mock().journal().pollsOf(adminsJob)).as("a 403 is not retried").isEqualTo(2);
  }

  @Test
  void unknownJob_throwsNotFoundWithTheServersMessage() {
    String unknown = "0b8e4d1a-9c1f-4c57-8f2a-3e6b1d2c4f5a";

    assertThatThrownBy(() -> user().jobs().retrieve(unknown))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> assertThat(e.errorMessage()).contains("Job " + unknown + " not found"));
  }

  @Test
  void nonUuidJobId_isRejectedWithoutAnyRequest() {
    JobsClient client = user();

    assertThatThrownBy(() -> client.jobs().retrieve("job-123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jobId must be a UUID");
    assertThatThrownBy(() -> client.jobs().handle("job-123").awaitCompletionAsync())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.assessments().generateReport("assessment-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("assessmentId must be a UUID");
    assertThat(mock().journal().requestCount()).as("not even a login").isZero();
  }

  @Test
  void previewByANonAdmin_throwsPermissionDenied() {
    assertThatThrownBy(() -> user().prompts().preview(PromptPreviewRequest.of("s", "u")))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e -> assertThat(e.errorMessage()).contains("Admin access required"));
    assertThat(mock().jobs().list()).isEmpty();
  }

  @Test
  void wrongPassword_throwsAuthenticationException_withoutThePassword() {
    String wrong = "not-the-password-9";

    assertThatThrownBy(() -> login(MockCredentials.RISK_USER_EMAIL, wrong).jobs().retrieve(ASSESSMENT))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Invalid credentials")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
  }

  // ------------------------------------------------------------------ redaction and policy

  @Test
  void debugLogsOfAWholeWait_showNoTokenOrPassword() {
    Logger sdk = (Logger) LoggerFactory.getLogger("dev.jobsdk");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    sdk.addAppender(logs);
    Level before = sdk.getLevel();
    sdk.setLevel(Level.TRACE);
    sdk.setAdditive(false);
    try {
      JobsClient client = user();
      Job job = client.assessments().generateReport(ASSESSMENT).awaitCompletion();
      assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
      time.advance(Duration.ofHours(2));
      client.jobs().retrieve(job.id());
    } finally {
      sdk.setLevel(before);
      sdk.setAdditive(true);
      sdk.detachAppender(logs);
    }

    assertThat(logs.list).isNotEmpty();
    assertThat(logs.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.contains(MockCredentials.RISK_USER_PASSWORD))
        .noneMatch(m -> m.contains("eyJ"));
  }

  @Test
  void defaultPolicy_pollsEveryFewSecondsAndBacksOffToTen() {
    mock()
        .riskTool()
        .nextJob("REPORT_GENERATION", Lifecycle.succeedsAfter(Duration.ofMinutes(3)));

    user().assessments().generateReport(ASSESSMENT).awaitCompletion();

    List<Duration> delays = time.scheduledDelays();
    assertThat(delays.get(0)).as("first poll at once").isZero();
    for (int n = 1; n < delays.size(); n++) {
      double base = Math.min(3.0 * Math.pow(1.2, n - 1), 10.0);
      assertThat(delays.get(n).toMillis() / 1000.0)
          .as("delay before poll %d", n + 1)
          .isBetween(base / 2 - 0.001, base + 0.001);
    }
    assertThat(delays).hasSizeGreaterThan(20);
  }

  @Test
  void defaultPolicy_waitsOutAnElevenMinuteParse_butGivesUpAfterFifteenMinutes() {
    mock()
        .riskTool()
        .nextJob("PARSE_DOCUMENT", Lifecycle.succeedsAfter(Duration.ofMinutes(11)))
        .nextJob("PARSE_DOCUMENT", Lifecycle.succeedsAfter(Duration.ofMinutes(20)));
    JobsClient client = user();

    Job slow = client.assessments().parseDocument(ASSESSMENT, document()).awaitCompletion();
    JobHandle<Job, Job> tooSlow = client.assessments().parseDocument(ASSESSMENT, document());

    assertThat(slow.parseDocumentResult()).isPresent();
    assertThatThrownBy(tooSlow::awaitCompletion)
        .isInstanceOfSatisfying(
            JobTimeoutException.class,
            e -> {
              assertThat(e.limit()).isEqualTo(JobTimeoutException.Limit.TOTAL_TIMEOUT);
              assertThat(e.elapsed()).isEqualTo(Duration.ofMinutes(15));
              assertThat(e.lastSnapshot(Job.class).orElseThrow().status())
                  .isEqualTo(JobStatus.PROCESSING);
            });
  }

  /** Logs in over plain HTTP: the client never exposes its token. */
  String accessTokenFromLogin() {
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
    okhttp3.Request request =
        new okhttp3.Request.Builder()
            .url(mock().riskToolBaseUrl() + "/api/auth/login")
            .post(
                okhttp3.RequestBody.create(
                    "{\"email\": \"" + MockCredentials.RISK_USER_EMAIL + "\", \"password\": \""
                        + MockCredentials.RISK_USER_PASSWORD + "\"}",
                    okhttp3.MediaType.get("application/json")))
            .build();
    try (okhttp3.Response response = http.newCall(request).execute()) {
      return dev.jobsdk.core.internal.Json.MAPPER
          .readTree(response.body().string())
          .get("accessToken")
          .asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
