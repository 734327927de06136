package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.WaitOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.JobCancelledException;
import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.JobTimeoutException;
import dev.jobsdk.core.NotFoundException;
import dev.jobsdk.core.PaymentRequiredException;
import dev.jobsdk.core.PermissionDeniedException;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.mock.Fault;
import dev.jobsdk.mock.Lifecycle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BdJobsMockServerTest extends MockServerTestBase {
  private static final Map<String, Object> INPUT =
      Map.of(
          "companies",
          List.of(
              Map.of("company_name", "Acme Robotics", "website", "acme-robotics.com"),
              Map.of("company_name", "Globex", "website", "globex.io")));

  static Stream<BdPreset> presets() {
    return BdPreset.knownValues().stream();
  }

  @ParameterizedTest
  @MethodSource("presets")
  void createAwaitResultDownload_everyPreset(BdPreset preset, @TempDir Path dir) throws Exception {
    List<BdJob> events = new CopyOnWriteArrayList<>();

    BdJobHandle handle = client.bdJobs().create(BdJobRequest.of(preset, INPUT));
    BdJobOutcome outcome = handle.awaitResult(WaitOptions.of(EVERY_5S, events::add));

    assertThat(handle.created().orElseThrow().status()).isEqualTo(JobStatus.PENDING);
    assertThat(handle.created().orElseThrow().preset()).contains(preset);
    BdJob job = outcome.job();
    assertThat(job.id()).isEqualTo(handle.id());
    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job.progressPercent()).isEqualTo(100);
    assertThat(job.completedAt()).isPresent();
    assertThat(events.get(events.size() - 1).state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(events).extracting(BdJob::progressPercent).isSorted();
    assertThat(events).extracting(BdJob::status).contains(JobStatus.RUNNING);

    BdJobResult result = outcome.result();
    assertThat(result.isAvailable()).isTrue();
    assertThat(result.jobId()).isEqualTo(job.id());
    BdAsset asset = result.asset("verified_contacts").orElseThrow();
    assertThat(asset.mimeType()).contains("application/json");

    int delivered = result.summary().deliveredContacts().orElseThrow();
    try (AssetDownload download = client.bdJobs().downloadAsset(job.id(), asset.assetId())) {
      assertThat(download.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      JsonNode contacts = Json.MAPPER.readTree(download);
      assertThat(contacts.size()).isEqualTo(delivered);
    }
    Path file = client.bdJobs().downloadAssetTo(job.id(), asset.assetId(), dir);
    assertThat(file.getParent()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(file.getFileName().toString()).isEqualTo("verified_contacts.json");
    assertThat(Json.MAPPER.readTree(file.toFile()).size()).isEqualTo(delivered);
    assertThat(server.journal().requestsAfterTerminal(job.id())).isZero();
  }

  @Test
  void createAwaitResultDownload_capabilitiesList() throws Exception {
    BdJobHandle handle =
        client
            .bdJobs()
            .create(
                BdJobRequest.builder()
                    .requestedCapabilities(BdCapability.COMPANY_SIZE, BdCapability.EMAIL_VERIFY)
                    .inputAssets(INPUT)
                    .build());

    assertThat(handle.created().orElseThrow().preset()).isEmpty();
    assertThat(handle.created().orElseThrow().requestedCapabilities())
        .contains(BdCapability.COMPANY_SIZE, BdCapability.EMAIL_VERIFY);

    BdJobOutcome outcome = client.bdJobs().handle(handle.id()).awaitResult();

    assertThat(outcome.job().status()).isEqualTo(JobStatus.COMPLETED);
    BdAsset csv = outcome.result().asset("verified_contacts_csv").orElseThrow();
    try (AssetDownload download = client.bdJobs().downloadAsset(handle.id(), csv.assetId())) {
      assertThat(download.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
      assertThat(download.fileName()).contains("verified_contacts.csv");
      assertThat(new String(download.readAllBytes())).startsWith("first_name,last_name");
    }
  }

  @Test
  void awaitCompletion_failedJob_throwsJobFailedExceptionWithTheFailedJob() {
    server
        .deepCurrent()
        .nextBdJob(
            Lifecycle.builder()
                .queued(Duration.ofSeconds(5))
                .stage("contact_discovery", Duration.ofMinutes(2), "Discovering contacts...")
                .fail("Upstream enrichment provider timed out")
                .build());
    String id = client.bdJobs().create(BdJobRequest.of(BdPreset.FULL_PIPELINE, INPUT)).id();

    JobFailedException e =
        catchThrowableOfType(JobFailedException.class, () -> client.bdJobs().handle(id).awaitCompletion());

    BdJob last = e.lastSnapshot(BdJob.class).orElseThrow();
    assertThat(last.id()).isEqualTo(id);
    assertThat(last.status()).isEqualTo(JobStatus.FAILED);
    assertThat(last.errorMessage()).contains("Upstream enrichment provider timed out");
    assertThat(e.getMessage()).contains("Upstream enrichment provider timed out");
    assertThat(e.elapsed()).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
    assertThat(client.bdJobs().result(id).isAvailable()).isFalse();
  }

  @Test
  void awaitCompletion_cancelledJob_throwsJobCancelledExceptionWithTheCancelledJob() {
    server
        .deepCurrent()
        .nextBdJob(
            Lifecycle.builder()
                .stage("qualification", Duration.ofMinutes(1), "Qualifying...")
                .cancel()
                .build());
    String id = client.bdJobs().create(BdJobRequest.of(BdPreset.FULL_PIPELINE, INPUT)).id();

    JobCancelledException e =
        catchThrowableOfType(
            JobCancelledException.class, () -> client.bdJobs().handle(id).awaitCompletion(WaitOptions.of(EVERY_5S)));

    assertThat(e.lastSnapshot(BdJob.class).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
    assertThat(e.snapshot().rawStatus()).isEqualTo("cancelled");
  }

  @Test
  void awaitCompletionAsync_completes_withTheSameEventsAsTheBlockingWait() throws Exception {
    server.deepCurrent().defaultBdLifecycle(Lifecycle.succeedsAfter(Duration.ofMinutes(3)));
    List<Integer> blocking = new ArrayList<>();
    List<Integer> async = new ArrayList<>();

    String a = client.bdJobs().create(BdJobRequest.of(BdPreset.VERIFY_EXISTING_EMAILS, INPUT)).id();
    client.bdJobs().handle(a).awaitCompletion(WaitOptions.of(EVERY_5S, j -> blocking.add(j.progressPercent())));
    String b = client.bdJobs().create(BdJobRequest.of(BdPreset.VERIFY_EXISTING_EMAILS, INPUT)).id();
    CompletableFuture<BdJob> future =
        client.bdJobs().handle(b).awaitCompletionAsync(WaitOptions.of(EVERY_5S, j -> async.add(j.progressPercent())));
    BdJob done = time.await(future);

    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(async).isEqualTo(blocking).endsWith(100);
  }

  @Test
  void awaitCompletion_defaultPolicy_pollsSparselyFromTheProgress_andDensely_asTheEndComesDue() {
    server.deepCurrent().defaultBdLifecycle(Lifecycle.succeedsAfter(Duration.ofMinutes(10)));
    String id = client.bdJobs().create(BdJobRequest.of(BdPreset.FULL_PIPELINE, INPUT)).id();
    Instant created = time.now();

    client.bdJobs().handle(id).awaitCompletion();

    List<Duration> delays = time.scheduledDelays();
    Duration latency = Duration.between(created.plus(Duration.ofMinutes(10)), time.now());
    // every 3 s would be 200 polls; the previous default (5 s growing to 30 s) ~28 polls and
    // up to 30 s late
    assertThat(delays.size() + 1).as("polls").isLessThan(40);
    assertThat(latency).isBetween(Duration.ZERO, Duration.ofSeconds(2));
    assertThat(delays.get(0)).isZero();
    assertThat(delays).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(30)));
    assertThat(delays.subList(delays.size() - 3, delays.size()))
        .as("the last polls come close together")
        .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(5)));
    assertThat(server.journal().requestsAfterTerminal(id)).isZero();
  }

  @Test
  void awaitCompletion_totalTimeoutPasses_throwsJobTimeoutWithTheRunningJob() {
    server.deepCurrent().defaultBdLifecycle(Lifecycle.succeedsAfter(Duration.ofHours(1)));
    String id = client.bdJobs().create(BdJobRequest.of(BdPreset.FULL_PIPELINE, INPUT)).id();

    JobTimeoutException e =
        catchThrowableOfType(
            JobTimeoutException.class,
            () ->
                client
                    .bdJobs()
                    .handle(id).awaitCompletion(WaitOptions.of(EVERY_5S.toBuilder().totalTimeout(Duration.ofMinutes(2)).build())));

    assertThat(e.lastSnapshot(BdJob.class).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    assertThat(e.elapsed()).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(2).plusSeconds(5));
  }

  @Test
  void awaitCompletion_unknownStatusAndTransientErrorsMidWait_keepPollingToCompletion() {
    server.deepCurrent().defaultBdLifecycle(Lifecycle.succeedsAfter(Duration.ofMinutes(1)));
    String id = client.bdJobs().create(BdJobRequest.of(BdPreset.FULL_PIPELINE, INPUT)).id();
    String paused =
        "{\"job_id\":\"" + id + "\",\"status\":\"paused_for_review\",\"progress_percent\":10,"
            + "\"progress_message\":\"Waiting for review\",\"created_at\":\"2026-01-01T00:00:00Z\","
            + "\"reviewer\":{\"team\":\"ops\"}}";
    server.faults().add(Fault.on("GET", "/api/v1/bd/jobs/*").nth(2).status(200).body("application/json", paused));
    server.faults().add(Fault.on("GET", "/api/v1/bd/jobs/*").nth(3).status(503));
    server.faults().add(Fault.on("GET", "/api/v1/bd/jobs/*").nth(4).malformedJson());
    List<BdJob> events = new ArrayList<>();

    BdJob done = client.bdJobs().handle(id).awaitCompletion(WaitOptions.of(EVERY_5S, events::add));

    assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(events)
        .anySatisfy(
            j -> {
              assertThat(j.status()).isEqualTo(JobStatus.UNKNOWN);
              assertThat(j.state()).isEqualTo(JobState.UNKNOWN);
              assertThat(j.rawStatus()).isEqualTo("paused_for_review");
            });
  }

  @Test
  void create_withoutCredits_throwsPaymentRequiredWithTheServersDetail() {
    server.deepCurrent().setCredits(PAID, 0);

    PaymentRequiredException e =
        catchThrowableOfType(
            PaymentRequiredException.class,
            () -> client.bdJobs().create(BdJobRequest.of(BdPreset.FULL_PIPELINE, INPUT)));

    assertThat(e.statusCode()).isEqualTo(402);
    assertThat(e.errorMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("Insufficient credits"));
    assertThat(e.getMessage()).contains("Insufficient credits").doesNotContain(PAID);
  }

  @Test
  void create_onFreeTier_throwsPermissionDeniedWithTheServersDetail() {
    PermissionDeniedException e =
        catchThrowableOfType(
            PermissionDeniedException.class,
            () -> client(FREE).bdJobs().create(BdJobRequest.of(BdPreset.FULL_PIPELINE, INPUT)));

    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.errorMessage()).contains("This feature requires an active paid subscription.");
    assertThat(e.getMessage()).doesNotContain(FREE);
  }

  @Test
  void retrieve_unknownOrOtherAccountsJob_throwsNotFound() {
    String mine = client.bdJobs().create(BdJobRequest.of(BdPreset.FULL_PIPELINE, INPUT)).id();
    server.deepCurrent().addAccount("dc_other_account", true);

    assertThatThrownBy(() -> client.bdJobs().retrieve("00000000-0000-0000-0000-000000000000"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Job not found");
    assertThatThrownBy(() -> client("dc_other_account").bdJobs().retrieve(mine))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void downloadAsset_beforeCompletion_throwsNotFoundWithTheReason() {
    server.deepCurrent().defaultBdLifecycle(Lifecycle.succeedsAfter(Duration.ofMinutes(5)));
    String id = client.bdJobs().create(BdJobRequest.of(BdPreset.FULL_PIPELINE, INPUT)).id();

    assertThat(client.bdJobs().result(id).assets()).isEmpty();
    assertThatThrownBy(() -> client.bdJobs().downloadAsset(id, "verified_contacts"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("not completed");
  }

  @Test
  void requests_sendOnlyTheBearerHeader() throws Exception {
    client.bdJobs().create(BdJobRequest.of(BdPreset.FULL_PIPELINE, INPUT));

    assertThat(server.journal().authHeadersSeen()).containsExactly("Authorization");
  }

  @Test
  void wrongKey_authenticationErrorDoesNotEchoTheKey() {
    String wrong = "dc_wrong_key_do_not_print";
    assertThatThrownBy(() -> client(wrong).bdJobs().retrieve("00000000-0000-0000-0000-000000000000"))
        .isInstanceOf(dev.jobsdk.core.AuthenticationException.class)
        .hasMessageContaining("Invalid API key")
        .hasMessageNotContaining(wrong);
  }

  @Test
  void downloadAsset_intoFile_writesOnlyThatFile(@TempDir Path dir) throws Exception {
    server.deepCurrent().defaultBdLifecycle(Lifecycle.succeedsAfter(Duration.ofSeconds(30)));
    BdJobOutcome outcome =
        client.bdJobs().create(BdJobRequest.of(BdPreset.FULL_PIPELINE, INPUT)).awaitResult();
    Path target = dir.resolve("my-contacts.json");

    Path written = client.bdJobs().downloadAsset(outcome.job().id(), "verified_contacts", target);

    assertThat(written).isEqualTo(target.toAbsolutePath().normalize());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }
}
