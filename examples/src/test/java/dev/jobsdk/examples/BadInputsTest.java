package dev.jobsdk.examples;

import dev.jobsdk.core.WaitOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ResponseTooLargeException;
import dev.jobsdk.core.ServerException;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.deepcurrent.BdCapability;
import dev.jobsdk.deepcurrent.BdJobRequest;
import dev.jobsdk.deepcurrent.BdPreset;
import dev.jobsdk.deepcurrent.DeepCurrentClient;
import dev.jobsdk.deepidv.AdverseMediaRequest;
import dev.jobsdk.deepidv.DeepIdvClient;
import dev.jobsdk.jobs.JobsClient;
import dev.jobsdk.jobs.PromptPreviewRequest;
import dev.jobsdk.mock.Fault;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, from the caller or from the server, ends in the documented typed exception whose
 * message names the parameter or field: never a NullPointerException, a hang or a silently wrong
 * model. The README's "Errors" section lists this table.
 */
class BadInputsTest {
  static final String BD_JOB = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
  static final String IDV_JOB = "0b5e3f9a-6a59-4d0e-9d1c-2f4f0c6f1e11";
  static final String RISK_JOB = "550e8400-e29b-41d4-a716-446655440000";

  static MockJobServer server;
  static VirtualScheduler time;
  static DeepCurrentClient deepCurrent;
  static DeepIdvClient deepIdv;
  static JobsClient riskTool;
  static DeepCurrentClient smallBodies;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    time = VirtualScheduler.startingAt(MockJobServer.DEFAULT_START_TIME);
    server = MockJobServer.builder().clock(time.clock()).start();
    deepCurrent = dc().build();
    smallBodies = dc().maxResponseBytes(100).build();
    deepIdv =
        DeepIdvClient.builder()
            .baseUrl(server.deepIdvBaseUrl())
            .apiKey(MockCredentials.DEEPIDV_ORG_A_KEY)
            .scheduler(time)
            .maxRetries(0)
            .build();
    riskTool =
        JobsClient.builder()
            .baseUrl(server.riskToolBaseUrl())
            .login(MockCredentials.RISK_USER_EMAIL, MockCredentials.RISK_USER_PASSWORD)
            .scheduler(time)
            .maxRetries(0)
            .build();
  }

  static DeepCurrentClient.Builder dc() {
    return DeepCurrentClient.builder()
        .baseUrl(server.deepCurrentBaseUrl())
        .apiKey(MockCredentials.DEEPCURRENT_PAID_KEY)
        .scheduler(time)
        .maxRetries(0);
  }

  @AfterAll
  static void stop() {
    deepCurrent.close();
    smallBodies.close();
    deepIdv.close();
    riskTool.close();
    server.close();
  }

  @BeforeEach
  void noFaults() {
    server.faults().clear();
  }

  /** One row: what is done, what it must throw, and what the message must name. */
  record Case(String name, Runnable call, Class<? extends Throwable> type, String names) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case arg(String name, Runnable call, String names) {
    return new Case(name, call, IllegalArgumentException.class, names);
  }

  static Case state(String name, Runnable call, String names) {
    return new Case(name, call, IllegalStateException.class, names);
  }

  /** A GET of a job answered 200 with this body and content type. */
  static Case answer(
      String name, String path, String type, String body, Class<? extends Throwable> expected, String names, Runnable call) {
    return new Case(
        name,
        () -> {
          server.faults().add(Fault.on("GET", path).status(200).body(type, body));
          call.run();
        },
        expected,
        names);
  }

  static Case status(String name, String path, int code, String type, String body, Class<? extends Throwable> expected, String names, Runnable call) {
    return new Case(
        name,
        () -> {
          server.faults().add(Fault.on("GET", path).status(code).body(type, body));
          call.run();
        },
        expected,
        names);
  }

  static AdverseMediaRequest.Builder person() {
    return AdverseMediaRequest.builder()
        .email("jane@example.com")
        .firstName("Jane")
        .lastName("Doe")
        .dateOfBirth("1985-04-12")
        .country("ca");
  }

  static final String BD_PATH = "/api/v1/bd/jobs/*";
  static final String IDV_PATH = "/v1/async-jobs/*";
  static final String RISK_PATH = "/api/jobs/*";

  static Stream<Case> cases() {
    Runnable bd = () -> deepCurrent.bdJobs().retrieve(BD_JOB);
    Runnable idv = () -> deepIdv.asyncJobs().retrieve(IDV_JOB);
    Runnable risk = () -> riskTool.jobs().retrieve(RISK_JOB);
    return Stream.of(
        // Client arguments: rejected before any request.
        arg("BD job id null", () -> deepCurrent.bdJobs().retrieve(null), "jobId"),
        arg("BD job id blank", () -> deepCurrent.bdJobs().retrieve("  "), "jobId"),
        arg("BD job id path traversal", () -> deepCurrent.bdJobs().retrieve("../../admin"), "jobId"),
        arg("BD job id encoded traversal", () -> deepCurrent.bdJobs().retrieve("%2e%2e"), "jobId"),
        arg("BD job id with a slash", () -> deepCurrent.bdJobs().retrieve("a/b"), "jobId"),
        arg("BD job id with a line break", () -> deepCurrent.bdJobs().retrieve("a\r\nb"), "jobId"),
        new Case("DeepIDV job id the server calls malformed", () -> deepIdv.asyncJobs().retrieve("job-1"), dev.jobsdk.core.BadRequestException.class, "Malformed job ID"),
        arg("Risk job id not a UUID", () -> riskTool.jobs().retrieve("550e8400-e29b-41d4-a716-44665544000G"), "jobId"),
        arg("Risk job id null", () -> riskTool.jobs().retrieve(null), "jobId"),
        arg("BD request null", () -> deepCurrent.bdJobs().create(null), "request"),
        arg("BD preset and capabilities together", () -> BdJobRequest.builder().preset(BdPreset.FULL_PIPELINE).requestedCapabilities(BdCapability.EMAIL_VERIFY).build(), "preset"),
        arg("BD neither preset nor capabilities", () -> BdJobRequest.builder().build(), "preset"),
        arg("screening email malformed", () -> person().email("not-an-email").build(), "email"),
        arg("screening email null", () -> person().email(null).build(), "email"),
        arg("screening first name blank", () -> person().firstName(" ").build(), "firstName"),
        arg("screening date of birth not a date", () -> person().dateOfBirth("1985-13-45").build(), "dateOfBirth"),
        arg("screening date of birth with a time", () -> person().dateOfBirth("1985-04-12T10:00").build(), "dateOfBirth"),
        arg("screening country not ISO 3166", () -> person().country("Canada").build(), "country"),
        arg("screening request null", () -> deepIdv.screening().adverseMedia(null), "request"),
        arg("preview system prompt null", () -> PromptPreviewRequest.builder().userPromptTemplate("x").build(), "systemPrompt"),
        arg("polling interval zero", () -> PollingPolicy.builder().interval(Duration.ZERO), "interval"),
        arg("polling interval negative", () -> PollingPolicy.builder().interval(Duration.ofSeconds(-1)), "interval"),
        arg("polling total timeout zero", () -> PollingPolicy.builder().totalTimeout(Duration.ZERO), "totalTimeout"),
        arg("polling maxPolls zero", () -> PollingPolicy.builder().maxPolls(0), "maxPolls"),
        arg("polling multiplier below 1", () -> PollingPolicy.builder().multiplier(0.5), "multiplier"),
        arg("polling maxConsecutiveErrors zero", () -> PollingPolicy.builder().maxConsecutiveErrors(0), "maxConsecutiveErrors"),
        arg("wait policy null", () -> deepCurrent.bdJobs().handle(BD_JOB).awaitCompletion(WaitOptions.of((PollingPolicy) null)), "policy"),
        arg("read timeout zero", () -> DeepCurrentClient.builder().readTimeout(Duration.ZERO), "readTimeout"),
        arg("connect timeout negative", () -> DeepCurrentClient.builder().connectTimeout(Duration.ofSeconds(-5)), "connectTimeout"),
        arg("maxRetries negative", () -> DeepCurrentClient.builder().maxRetries(-1), "maxRetries"),
        arg("maxResponseBytes zero", () -> DeepCurrentClient.builder().maxResponseBytes(0), "maxResponseBytes"),
        arg("base URL not http", () -> DeepCurrentClient.builder().apiKey("dc_x").baseUrl("ftp://example.com").build(), "baseUrl"),
        arg("base URL plain http off loopback", () -> DeepCurrentClient.builder().apiKey("dc_x").baseUrl("http://api.example.com").build(), "baseUrl"),
        arg("base URL with user info", () -> DeepCurrentClient.builder().apiKey("dc_x").baseUrl("https://u:p@example.com").build(), "baseUrl"),
        arg("DeepCurrent key without dc_ prefix", () -> DeepCurrentClient.builder().apiKey("sk_live_x").build(), "apiKey"),
        state("DeepCurrent two credentials", () -> DeepCurrentClient.builder().apiKey("dc_x").login("a@b.c", "pw").build(), "credential"),
        arg("download into a directory given as the file", () -> deepCurrent.bdJobs().downloadAsset(BD_JOB, "verified_contacts", dir), "file is a directory"),
        arg("download into an existing file given as the directory", () -> deepCurrent.bdJobs().downloadAssetTo(BD_JOB, "verified_contacts", existingFile()), "directory"),
        arg("download over an existing file", () -> deepCurrent.bdJobs().downloadAsset(BD_JOB, "verified_contacts", existingFile()), "REPLACE_EXISTING"),
        // Server answers: typed, naming what is wrong.
        answer("BD job: malformed JSON", BD_PATH, "application/json", "{\"job_id\": ", InvalidResponseException.class, "GET /api/v1/bd/jobs/" + BD_JOB, bd),
        answer("BD job: required fields missing", BD_PATH, "application/json", "{}", InvalidResponseException.class, "without status", bd),
        answer("BD job: wrong types", BD_PATH, "application/json", "{\"job_id\": {\"a\": 1}, \"status\": \"pending\", \"progress_percent\": \"half\", \"created_at\": \"2026-01-01T00:00:00Z\"}", InvalidResponseException.class, "progress_percent", bd),
        answer("BD job: empty body", BD_PATH, "application/json", "", InvalidResponseException.class, "GET /api/v1/bd/jobs/" + BD_JOB, bd),
        answer("BD job: 200 carrying an error envelope", BD_PATH, "application/json", "{\"detail\": \"Job not found\"}", InvalidResponseException.class, "without status", bd),
        answer("BD job: HTML with 200", BD_PATH, "text/html", "<html><body>Maintenance</body></html>", InvalidResponseException.class, "GET /api/v1/bd/jobs/" + BD_JOB, bd),
        answer("BD job: body over the limit", BD_PATH, "application/json", "{\"job_id\": \"" + "x".repeat(500) + "\"}", ResponseTooLargeException.class, "limit of 100 bytes", () -> smallBodies.bdJobs().retrieve(BD_JOB)),
        answer("DeepIDV job: required field missing", IDV_PATH, "application/json", "{\"status\": \"processing\"}", InvalidResponseException.class, "jobId", idv),
        answer("DeepIDV job: wrong content type, not JSON", IDV_PATH, "text/plain", "all good", InvalidResponseException.class, "GET /v1/async-jobs/" + IDV_JOB, idv),
        answer("Risk job: id a number, not a string", RISK_PATH, "application/json", "{\"id\": 7, \"type\": \"AI_PREVIEW\", \"status\": \"PENDING\", \"createdAt\": \"2026-03-04T12:00:00.000Z\", \"updatedAt\": \"2026-03-04T12:00:00.000Z\"}", InvalidResponseException.class, "id is not a string", risk),
        answer("Risk job: array instead of object", RISK_PATH, "application/json", "[]", InvalidResponseException.class, "job object", risk),
        status("HTML error page", BD_PATH, 503, "text/html", "<html><head><title>Service Unavailable</title></head><body>" + "<".repeat(50_000) + "</body></html>", ServerException.class, "Service Unavailable", bd),
        status("error page that is not JSON nor HTML", RISK_PATH, 500, "text/plain", "upstream \u001b[31mexploded\r\nX-Forged: 1", ServerException.class, "upstream [31mexploded X-Forged: 1", risk));
  }

  static Path existingFile() {
    try {
      Path f = dir.resolve("existing.json");
      if (!Files.exists(f)) {
        Files.writeString(f, "{}");
      }
      return f;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInput_isATypedExceptionNamingTheField(Case c) {
    long before = server.journal().requestCount();

    Throwable thrown = catchThrowable(c.call()::run);

    assertThat(thrown).as(c.name()).isInstanceOf(c.type());
    assertThat(thrown.getMessage()).as(c.name()).contains(c.names()).doesNotContain("\r", "\n");
    if (c.type() == IllegalArgumentException.class || c.type() == IllegalStateException.class) {
      assertThat(server.journal().requestCount()).as("no request for " + c.name()).isEqualTo(before);
    }
  }

  @org.junit.jupiter.api.Test
  void unknownStatus_isKeptRaw_notASilentlyWrongModel() {
    server.faults()
        .add(
            Fault.on("GET", RISK_PATH)
                .status(200)
                .body(
                    "application/json",
                    "{\"id\": \"" + RISK_JOB + "\", \"type\": \"AI_PREVIEW\", \"status\": \"EXPLODED\","
                        + " \"createdAt\": \"2026-03-04T12:00:00.000Z\", \"updatedAt\": \"2026-03-04T12:00:00.000Z\"}"));

    var job = riskTool.jobs().retrieve(RISK_JOB);

    assertThat(job.state()).isEqualTo(JobState.UNKNOWN);
    assertThat(job.rawStatus()).isEqualTo("EXPLODED");
  }

  @org.junit.jupiter.api.Test
  void theTableHasAtLeastFortyRows() {
    assertThat(cases().count()).isGreaterThanOrEqualTo(40);
    assertThat(cases().map(Case::name).distinct().count()).isEqualTo(cases().count());
  }
}
