package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JsonValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.AuthenticationException;
import dev.jobsdk.core.BadRequestException;
import dev.jobsdk.core.PermissionDeniedException;
import dev.jobsdk.core.ServerException;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wire-level behaviour the mock server cannot provoke: exact request bodies, hostile download
 * names, and how each 403 of {@code /growth/run} is told apart.
 */
class DeepCurrentHttpTest {
  private static final String KEY = "dc_test_key_1234567890";
  private static final String JOB_ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";

  @StartStop final MockWebServer server = new MockWebServer();
  final VirtualScheduler time = VirtualScheduler.create();
  DeepCurrentClient client;

  private DeepCurrentClient client() {
    if (client == null) {
      client =
          DeepCurrentClient.builder()
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

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static String seed(String name) throws IOException {
    try (InputStream in = DeepCurrentHttpTest.class.getResourceAsStream("/seeds/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static JsonNode body(RecordedRequest r) throws IOException {
    return Json.MAPPER.readTree(r.getBody().utf8());
  }

  private static String job(String status) {
    return "{\"job_id\":\"" + JOB_ID + "\",\"status\":\"" + status + "\",\"progress_percent\":50,"
        + "\"created_at\":\"2026-04-08T12:00:00Z\",\"updated_at\":\"2026-04-08T12:00:00Z\"}";
  }

  @Test
  void awaitCompletion_unknownStatusKeepsPolling_andTheCanceledSpellingEndsTheWaitAsCancelled() {
    server.enqueue(json(200, job("running")));
    server.enqueue(json(200, job("Paused")));
    server.enqueue(json(200, job("CANCELED")));

    assertThatThrownBy(() -> client().bdJobs().handle(JOB_ID).awaitCompletion())
        .isInstanceOf(dev.jobsdk.core.JobCancelledException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void awaitCompletion_upperCaseCompleted_endsTheWait() {
    server.enqueue(json(200, job("pending")));
    server.enqueue(json(200, job("COMPLETED")));

    assertThat(client().bdJobs().handle(JOB_ID).awaitCompletion().status()).isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void retrieve_sendsApiKeyAsBearerToTheDocumentedPath() throws Exception {
    server.enqueue(json(200, seed("bd-job-running.json")));

    BdJob job = client().bdJobs().retrieve(JOB_ID);

    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v1/bd/jobs/" + JOB_ID);
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(job.progressPercent()).isEqualTo(62);
  }

  @Test
  void create_preset_sendsDocumentedSnakeCaseBody() throws Exception {
    server.enqueue(
        json(
            202,
            "{\"job_id\":\"j-1\",\"status\":\"pending\",\"progress_percent\":0,"
                + "\"preset\":\"full_pipeline\",\"requested_capabilities\":[\"qualification\"],"
                + "\"warnings\":[\"No companies given\"],\"created_at\":\"2026-01-01T00:00:00Z\"}"));

    BdJobHandle handle =
        client()
            .bdJobs()
            .create(
                BdJobRequest.builder()
                    .preset(BdPreset.FULL_PIPELINE)
                    .inputAssets(Map.of("companies", List.of(Map.of("company_name", "Acme"))))
                    .icpConfig(Map.of("icp_gate", "apply"))
                    .executionOptions(Map.of("max_contacts_per_company", 3))
                    .chatId("5f0c3c1e-1111-2222-3333-444455556666")
                    .build());

    JsonNode sent = body(server.takeRequest());
    assertThat(sent.path("preset").asText()).isEqualTo("full_pipeline");
    assertThat(sent.has("requested_capabilities")).isFalse();
    assertThat(sent.path("input_assets").path("companies").path(0).path("company_name").asText()).isEqualTo("Acme");
    assertThat(sent.path("icp_config").path("icp_gate").asText()).isEqualTo("apply");
    assertThat(sent.path("execution_options").path("max_contacts_per_company").asInt()).isEqualTo(3);
    assertThat(sent.path("chat_id").asText()).isEqualTo("5f0c3c1e-1111-2222-3333-444455556666");
    assertThat(handle.id()).isEqualTo("j-1");
    assertThat(handle.created().orElseThrow().warnings()).singleElement()
        .satisfies(w -> assertThat(w.message()).isEqualTo("No companies given"));
  }

  @Test
  void create_capabilities_sendsThemInsteadOfAPreset() throws Exception {
    server.enqueue(
        json(
            202,
            "{\"job_id\":\"j-2\",\"status\":\"pending\",\"progress_percent\":0,\"preset\":null,"
                + "\"requested_capabilities\":[\"company_size\",\"email_verify\"],"
                + "\"warnings\":[],\"created_at\":\"2026-01-01T00:00:00Z\"}"));

    client()
        .bdJobs()
        .create(
            BdJobRequest.builder()
                .requestedCapabilities(BdCapability.COMPANY_SIZE, BdCapability.of("beta_cap"))
                .build());

    JsonNode sent = body(server.takeRequest());
    assertThat(sent.has("preset")).isFalse();
    assertThat(sent.path("requested_capabilities").toString())
        .isEqualTo("[\"company_size\",\"beta_cap\"]");
  }

  @Test
  void create_serverError_isNotRetriedSoNoSecondJobIsCreated() {
    server.enqueue(json(503, "{\"detail\":\"busy\"}"));
    server.enqueue(json(503, "{\"detail\":\"busy\"}"));

    assertThatThrownBy(
            () -> client().bdJobs().create(BdJobRequest.of(BdPreset.FULL_PIPELINE, Map.of())))
        .isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void downloadAsset_hostileContentDisposition_fileStaysInsideTheDirectory(@TempDir Path tmp)
      throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("out"));
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .addHeader("Content-Disposition", "attachment; filename=\"../../.evil.sh\"")
            .body("[1,2,3]")
            .build());

    Path written = client().bdJobs().downloadAssetTo(JOB_ID, "verified_contacts", dir);

    assertThat(written).isEqualTo(dir.toAbsolutePath().normalize().resolve("evil.sh"));
    assertThat(Files.readString(written)).isEqualTo("[1,2,3]");
    try (Stream<Path> all = Files.walk(tmp)) {
      assertThat(all.filter(Files::isRegularFile)).containsExactly(written);
    }
    assertThat(server.takeRequest().getUrl().encodedPath())
        .isEqualTo("/api/v1/bd/jobs/" + JOB_ID + "/assets/verified_contacts");
  }

  @Test
  void downloadAsset_unusableServerName_fallsBackToTheAssetId(@TempDir Path dir) throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Disposition", "attachment; filename=\"..\"")
            .body("a,b\r\n")
            .build());

    Path written = client().bdJobs().downloadAssetTo(JOB_ID, "verified_contacts_csv", dir);

    assertThat(written.getFileName().toString()).isEqualTo("verified_contacts_csv");
    assertThat(written.getParent()).isEqualTo(dir.toAbsolutePath().normalize());
  }

  @Test
  void downloadAsset_fileTarget_replacesItOnlyWhenAsked_andLeavesNoPartialFile(@TempDir Path dir)
      throws Exception {
    Path target = dir.resolve("contacts.json");
    Files.writeString(target, "old");
    server.enqueue(new MockResponse.Builder().body("new").build());

    assertThatThrownBy(() -> client().bdJobs().downloadAsset(JOB_ID, "verified_contacts", target))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file already exists")
        .hasMessageContaining("REPLACE_EXISTING");
    assertThat(server.getRequestCount()).isZero();
    assertThat(Files.readString(target)).isEqualTo("old");

    Path written =
        client()
            .bdJobs()
            .downloadAsset(JOB_ID, "verified_contacts", target, DownloadOption.REPLACE_EXISTING);

    assertThat(written).isEqualTo(target.toAbsolutePath().normalize());
    assertThat(Files.readString(target)).isEqualTo("new");
    try (Stream<Path> all = Files.list(dir)) {
      assertThat(all).containsExactly(target);
    }
  }

  static MockResponse asset(String fileName, String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .body(body)
        .build();
  }

  @Test
  void downloadAssetTo_missingFolder_isCreated_andTwoAssetsBecomeTwoFiles(@TempDir Path tmp)
      throws Exception {
    Path downloads = tmp.resolve("downloads");
    server.enqueue(asset("verified_contacts.json", "[1]"));
    server.enqueue(asset("summary.csv", "a,b"));

    Path first = client().bdJobs().downloadAssetTo(JOB_ID, "verified_contacts", downloads);
    Path second = client().bdJobs().downloadAssetTo(JOB_ID, "summary", downloads);

    assertThat(Files.isDirectory(downloads)).isTrue();
    assertThat(first).isEqualTo(downloads.toAbsolutePath().resolve("verified_contacts.json"));
    assertThat(second).isEqualTo(downloads.toAbsolutePath().resolve("summary.csv"));
    assertThat(Files.readString(first)).isEqualTo("[1]");
    assertThat(Files.readString(second)).isEqualTo("a,b");
  }

  @Test
  void downloadAssetTo_takenName_getsANumber_neverOverwrites(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("contacts.json"), "mine");
    server.enqueue(asset("contacts.json", "first"));
    server.enqueue(asset("contacts.json", "second"));

    Path a = client().bdJobs().downloadAssetTo(JOB_ID, "verified_contacts", dir);
    Path b = client().bdJobs().downloadAssetTo(JOB_ID, "verified_contacts", dir);

    assertThat(Files.readString(dir.resolve("contacts.json"))).isEqualTo("mine");
    assertThat(a.getFileName().toString()).isEqualTo("contacts (1).json");
    assertThat(b.getFileName().toString()).isEqualTo("contacts (2).json");
    assertThat(Files.readString(a)).isEqualTo("first");
    assertThat(Files.readString(b)).isEqualTo("second");
    try (Stream<Path> all = Files.list(dir)) {
      assertThat(all).hasSize(3);
    }
  }

  @Test
  void downloadAssetTo_replaceExisting_replacesTheServersName(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("contacts.json"), "old");
    server.enqueue(asset("contacts.json", "new"));

    Path written =
        client()
            .bdJobs()
            .downloadAssetTo(JOB_ID, "verified_contacts", dir, DownloadOption.REPLACE_EXISTING);

    assertThat(written.getFileName().toString()).isEqualTo("contacts.json");
    assertThat(Files.readString(written)).isEqualTo("new");
  }

  @Test
  void downloadAssetTo_windowsDeviceName_fromTheServer_isDefused(@TempDir Path dir)
      throws Exception {
    server.enqueue(asset("NUL.txt", "x"));

    Path written = client().bdJobs().downloadAssetTo(JOB_ID, "verified_contacts", dir);

    assertThat(written.getFileName().toString()).isEqualTo("_NUL.txt");
  }

  @Test
  void fileAndDirectory_mixedUp_areRejectedBeforeAnyRequest(@TempDir Path dir) throws Exception {
    Path existingFile = Files.writeString(dir.resolve("downloads"), "a file");

    assertThatThrownBy(() -> client().bdJobs().downloadAssetTo(JOB_ID, "verified_contacts", existingFile))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("directory is an existing file");
    assertThatThrownBy(() -> client().bdJobs().downloadAsset(JOB_ID, "verified_contacts", dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file is a directory")
        .hasMessageContaining("downloadAssetTo");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void downloadAsset_stream_exposesContentTypeLengthAndSafeName() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/csv; charset=utf-8")
            .addHeader("Content-Disposition", "attachment; filename=\"/tmp/x/contacts.csv\"")
            .body("a,b\r\n")
            .build());

    try (AssetDownload d = client().bdJobs().downloadAsset(JOB_ID, "verified_contacts_csv")) {
      assertThat(d.contentType()).contains("text/csv; charset=utf-8");
      assertThat(d.contentLength()).hasValue(5);
      assertThat(d.fileName()).contains("contacts.csv");
      assertThat(new String(d.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("a,b\r\n");
    }
  }

  @Test
  void downloadAsset_targetInMissingDirectory_rejectedBeforeAnyRequest(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                client()
                    .bdJobs()
                    .downloadAsset(JOB_ID, "verified_contacts", dir.resolve("no/such/file.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("file's directory does not exist");
    assertThat(server.getRequestCount()).isZero();
  }

  private static GrowthQuote quotable() {
    return new GrowthQuote(
        true,
        true,
        java.util.Optional.of("eyJquote.token.sig"),
        java.util.Optional.of(Instant.parse("2026-01-01T00:30:00Z")),
        java.util.OptionalInt.of(450),
        JsonValue.of(Map.of()),
        JsonValue.of(Map.of()),
        JsonValue.of(Map.of()),
        JsonValue.of(Map.of("pipeline_id", "email_discovery_v1")),
        List.of(),
        java.util.Optional.empty(),
        java.util.Optional.empty(),
        java.util.Optional.empty());
  }

  @Test
  void run_sendsTokenAndNormalisedPlan() throws Exception {
    server.enqueue(
        json(
            202,
            "{\"status\":\"running\",\"run_id\":\"r-1\",\"preview\":{\"message\":\"queued\"},"
                + "\"data_source_mix\":{},\"gap_report\":{}}"));

    GrowthRunHandle handle = client().growth().run(quotable());

    JsonNode sent = body(server.takeRequest());
    assertThat(sent.path("quote_token").asText()).isEqualTo("eyJquote.token.sig");
    assertThat(sent.path("goal_plan").path("pipeline_id").asText()).isEqualTo("email_discovery_v1");
    assertThat(handle.id()).isEqualTo("r-1");
    assertThat(handle.started().orElseThrow().preview().path("message").asString().orElseThrow()).isEqualTo("queued");
  }

  @Test
  void run_403AboutTheQuote_isQuoteTokenRejectedWithTheServersDetail() {
    server.enqueue(json(403, "{\"detail\":\"Quote token has already been used.\"}"));

    QuoteTokenRejectedException e =
        catchThrowableOfType(
            QuoteTokenRejectedException.class, () -> client().growth().run(quotable()));

    assertThat(e).isInstanceOf(PermissionDeniedException.class);
    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.errorMessage()).contains("Quote token has already been used.");
    assertThat(e.getMessage()).doesNotContain("eyJquote.token.sig").doesNotContain(KEY);
  }

  @Test
  void run_403ForTheSubscription_staysAPlainPermissionDenied() {
    server.enqueue(
        json(403, "{\"detail\":\"This feature requires an active paid subscription.\"}"));

    PermissionDeniedException e =
        catchThrowableOfType(
            PermissionDeniedException.class, () -> client().growth().run(quotable()));

    assertThat(e).isNotInstanceOf(QuoteTokenRejectedException.class);
    assertThat(e.errorMessage()).contains("This feature requires an active paid subscription.");
  }

  @Test
  void unauthorized_messageNeverContainsTheKey() {
    server.enqueue(json(401, "{\"detail\":\"Invalid API key\"}"));

    AuthenticationException e =
        catchThrowableOfType(
            AuthenticationException.class, () -> client().bdJobs().retrieve(JOB_ID));

    assertThat(e.getMessage()).contains("Invalid API key").doesNotContain(KEY);
    assertThat(e.details().body()).doesNotContain(KEY);
  }

  static String jwt(Instant exp) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8))
        + '.'
        + b64.encodeToString(
            ("{\"sub\":\"u1\",\"exp\":" + exp.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8))
        + ".sig";
  }

  @Test
  void login_postsFormWithoutCredentialAndUsesTheJwt() throws Exception {
    String token = jwt(time.now().plusSeconds(3600));
    server.enqueue(json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\"}"));
    server.enqueue(json(200, seed("bd-job-running.json")));
    server.enqueue(json(200, seed("bd-job-running.json")));

    try (DeepCurrentClient c =
        DeepCurrentClient.builder()
            .login("ops@acme.com", "p&ss=word")
            .baseUrl(server.url("/").toString())
            .scheduler(time)
            .build()) {
      c.bdJobs().retrieve(JOB_ID);
      c.bdJobs().retrieve(JOB_ID);
    }

    RecordedRequest login = server.takeRequest();
    assertThat(login.getUrl().encodedPath()).isEqualTo("/api/v1/login/access-token");
    assertThat(login.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(login.getHeaders().get("Authorization")).isNull();
    assertThat(login.getBody().utf8()).isEqualTo("username=ops%40acme.com&password=p%26ss%3Dword");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void login_401OnACall_logsInAgainOnceAndRetries() throws Exception {
    String first = jwt(time.now().plusSeconds(3600));
    String second = jwt(time.now().plusSeconds(3601));
    server.enqueue(json(200, "{\"access_token\":\"" + first + "\"}"));
    server.enqueue(json(401, "{\"detail\":\"Token has been revoked\"}"));
    server.enqueue(json(200, "{\"access_token\":\"" + second + "\"}"));
    server.enqueue(json(200, seed("bd-job-running.json")));

    try (DeepCurrentClient c =
        DeepCurrentClient.builder()
            .login("ops@acme.com", "pw-123456")
            .baseUrl(server.url("/").toString())
            .scheduler(time)
            .build()) {
      assertThat(c.bdJobs().retrieve(JOB_ID).progressPercent()).isEqualTo(62);
    }

    server.takeRequest();
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + first);
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v1/login/access-token");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + second);
  }

  @Test
  void login_wrongPassword_failsWithoutEchoingIt() {
    server.enqueue(json(400, "{\"detail\":\"Incorrect email or password\"}"));

    try (DeepCurrentClient c =
        DeepCurrentClient.builder()
            .login("ops@acme.com", "wrong-pass-987")
            .baseUrl(server.url("/").toString())
            .scheduler(time)
            .build()) {
      BadRequestException e =
          catchThrowableOfType(BadRequestException.class, () -> c.bdJobs().retrieve(JOB_ID));
      assertThat(e.errorMessage()).contains("Incorrect email or password");
      assertThat(e.getMessage()).doesNotContain("wrong-pass-987");
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
