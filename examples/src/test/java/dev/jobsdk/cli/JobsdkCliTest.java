package dev.jobsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.mock.Fault;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command and exit code of the CLI, against the mock server on one virtual clock. */
@Timeout(60)
class JobsdkCliTest {
  final VirtualScheduler time = VirtualScheduler.create();
  MockJobServer server;
  final Map<String, String> env = new HashMap<>();
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  static Lifecycle running(Duration d) {
    return Lifecycle.builder().queued(Duration.ofSeconds(5)).stage("contact_discovery", d, "Discovering contacts...").succeed().build();
  }

  @BeforeEach
  void start() {
    server = MockJobServer.builder().clock(time.clock()).start();
    env.put("DEEPCURRENT_BASE_URL", server.deepCurrentBaseUrl());
    env.put("DEEPCURRENT_API_KEY", MockCredentials.DEEPCURRENT_PAID_KEY);
    env.put("DEEPIDV_BASE_URL", server.deepIdvBaseUrl());
    env.put("DEEPIDV_API_KEY", MockCredentials.DEEPIDV_ORG_A_KEY);
    env.put("JOBS_BASE_URL", server.riskToolBaseUrl());
    env.put("JOBS_EMAIL", MockCredentials.RISK_ADMIN_EMAIL);
    env.put("JOBS_PASSWORD", MockCredentials.RISK_ADMIN_PASSWORD);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  int run(String... args) {
    return run(false, args);
  }

  int run(boolean terminal, String... args) {
    CliContext ctx = new CliContext(env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), terminal, time);
    return JobsdkCli.run(ctx, args);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  String bdJob(Lifecycle lifecycle) {
    return server.deepCurrent().createBdJob(MockCredentials.DEEPCURRENT_PAID_KEY, "full_pipeline", lifecycle);
  }

  @Test
  void await_succeededJob_exits0_withOneProgressLinePerChange() {
    String id = bdJob(running(Duration.ofMinutes(3)));
    assertThat(run("await", "bd", id)).isEqualTo(0);
    assertThat(out()).startsWith(id + "  completed  100%");
    List<String> lines = err().lines().toList();
    assertThat(lines.get(0)).contains("pending");
    assertThat(lines.get(lines.size() - 1)).contains("completed");
    assertThat(lines).doesNotHaveDuplicates();
    assertThat(server.journal().requestsAfterTerminal(id)).isZero();
  }

  @Test
  void await_json_printsTheFinalJobAsTheApiReturnedIt_onOneLine() throws Exception {
    String id = bdJob(running(Duration.ofMinutes(1)));
    assertThat(run("await", "bd", id, "--json", "--quiet")).isEqualTo(0);
    assertThat(out().lines()).hasSize(1);
    JsonNode job = new ObjectMapper().readTree(out());
    assertThat(job.get("job_id").asText()).isEqualTo(id);
    assertThat(job.get("status").asText()).isEqualTo("completed");
    assertThat(job.has("progress_percent")).isTrue();
    assertThat(err()).isEmpty();
  }

  @Test
  void await_failedJob_exits1_namingTheError() {
    String id = bdJob(Lifecycle.builder().stage("qualification", Duration.ofMinutes(2), "Qualifying...").fail("Upstream enrichment provider timed out").build());
    assertThat(run("await", "bd", id)).isEqualTo(1);
    assertThat(err()).contains("Upstream enrichment provider timed out");
  }

  @Test
  void await_cancelledJob_exits2() {
    String id = bdJob(Lifecycle.builder().stage("qualification", Duration.ofMinutes(2), "Qualifying...").cancel().build());
    assertThat(run("await", "bd", id, "--quiet")).isEqualTo(2);
    assertThat(err()).contains("cancelled");
  }

  @Test
  void await_timeout_exits3_afterExactlyTheTimeout() {
    String id = bdJob(running(Duration.ofHours(1)));
    var before = time.now();
    assertThat(run("await", "bd", id, "--timeout", "90s", "--quiet")).isEqualTo(3);
    assertThat(Duration.between(before, time.now())).isEqualTo(Duration.ofSeconds(90));
    assertThat(err()).contains("Gave up waiting for job " + id);
  }

  @Test
  void await_unknownId_exits4() {
    assertThat(run("await", "bd", "00000000-0000-4000-8000-000000000000")).isEqualTo(4);
    assertThat(run("await", "jobs", "00000000-0000-4000-8000-000000000000")).isEqualTo(4);
  }

  @Test
  void await_expiredDeepIdvJob_exits4() {
    String id = server.deepIdv().createJob(MockCredentials.DEEPIDV_ORG_A_KEY,
        Lifecycle.builder().stage("searching", Duration.ofSeconds(30), "Searching...").expire().build());
    assertThat(run("await", "deepidv", id, "--quiet")).isEqualTo(4);
  }

  /** What {@code POST /api/v1/login/access-token} issues: the vendor's short-lived JWT. */
  String deepCurrentAccessToken() throws Exception {
    String form = "username=" + MockCredentials.DEEPCURRENT_LOGIN_EMAIL + "&password="
        + MockCredentials.DEEPCURRENT_LOGIN_PASSWORD;
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.deepCurrentBaseUrl() + "/api/v1/login/access-token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body()).get("access_token").asText();
  }

  @Test
  void bearerTokenOfEitherKind_fromTheEnvironment_awaitsTheJob() throws Exception {
    String id = bdJob(running(Duration.ofMinutes(1)));
    assertThat(run("await", "bd", id, "--quiet")).isEqualTo(0);

    String jwt = deepCurrentAccessToken();
    env.remove("DEEPCURRENT_API_KEY");
    env.put("DEEPCURRENT_ACCESS_TOKEN", jwt);
    assertThat(run("await", "bd", bdJob(running(Duration.ofMinutes(1))), "--quiet")).isEqualTo(0);
    assertThat(run("get", "growth", server.deepCurrent().createGrowthRun(
        MockCredentials.DEEPCURRENT_PAID_KEY, running(Duration.ofMinutes(1))))).isEqualTo(0);
    assertThat(out() + err()).doesNotContain(jwt);
  }

  @Test
  void tokenOfTheWrongKind_isAUsageError_namingTheVariable_withoutPrintingIt() throws Exception {
    String jwt = deepCurrentAccessToken();
    env.put("DEEPCURRENT_API_KEY", jwt);
    assertThat(run("get", "bd", bdJob(running(Duration.ofMinutes(1))))).isEqualTo(64);
    assertThat(err()).contains("DEEPCURRENT_API_KEY", "DEEPCURRENT_ACCESS_TOKEN").doesNotContain(jwt);
  }

  @Test
  void badCredential_exits5_withoutPrintingIt() {
    env.put("DEEPCURRENT_API_KEY", "dc_wrong_secret_123");
    String id = bdJob(running(Duration.ofMinutes(1)));
    assertThat(run("get", "bd", id)).isEqualTo(5);
    assertThat(out() + err()).doesNotContain("dc_wrong_secret_123").contains("401");
    env.put("DEEPIDV_API_KEY", MockCredentials.DEEPIDV_ORG_B_KEY);
    String other = server.deepIdv().createJob(MockCredentials.DEEPIDV_ORG_A_KEY, Lifecycle.builder().succeed().build());
    assertThat(run("await", "deepidv", other)).isEqualTo(5);
  }

  @Test
  void otherApiOrConnectionErrors_exit6() {
    String id = bdJob(running(Duration.ofMinutes(1)));
    server.faults().add(Fault.on("GET", "/api/v1/bd/jobs/*").times(100).status(500));
    assertThat(run("await", "bd", id, "--quiet")).isEqualTo(6);
    server.faults().clear();
    env.put("DEEPCURRENT_BASE_URL", "http://127.0.0.1:1");
    assertThat(run("get", "bd", id)).isEqualTo(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"await", "await bd", "get", "await nosuch 123", "await bd 1 --timeout 5x", "await bd 1 --poll-interval 0s", "await bd 1 --frobnicate", "frobnicate"})
  void usageErrors_exit64(String args) {
    assertThat(run(args.split(" "))).isEqualTo(64);
    assertThat(err()).startsWith("jobsdk: ");
  }

  @Test
  void missingEnvironment_isAUsageError_namingTheVariable() {
    env.remove("DEEPIDV_API_KEY");
    assertThat(run("get", "deepidv", "a1b2c3d4-e5f6-7890-abcd-ef1234567890")).isEqualTo(64);
    assertThat(err()).contains("DEEPIDV_API_KEY is not set");
  }

  @Test
  void badId_isRejectedBeforeAnyRequest() {
    assertThat(run("get", "bd", "../etc/passwd")).isEqualTo(64);
    assertThat(server.journal().requestCount()).isZero();
  }

  @Test
  void get_printsTheJobOnce_forEveryFamily() throws Exception {
    String bd = bdJob(running(Duration.ofMinutes(1)));
    assertThat(run("get", "bd", bd)).isEqualTo(0);
    assertThat(out()).startsWith(bd + "  pending");
    String run = server.deepCurrent().createGrowthRun(MockCredentials.DEEPCURRENT_PAID_KEY, running(Duration.ofMinutes(1)));
    assertThat(run("get", "growth", run, "--json")).isEqualTo(0);
    assertThat(out()).contains("\"run_id\":\"" + run + "\"");
    String screening = server.deepIdv().createJob(MockCredentials.DEEPIDV_ORG_A_KEY, Lifecycle.builder().succeed().build());
    assertThat(run("get", "deepidv", screening, "--json")).isEqualTo(0);
    assertThat(out()).contains("\"jobId\":\"" + screening + "\"");
    String risk = server.riskTool().createJob(MockCredentials.RISK_ADMIN_EMAIL, "AI_PREVIEW",
        Lifecycle.builder().queued(Duration.ofSeconds(10)).succeed().build());
    assertThat(run("get", "jobs", risk)).isEqualTo(0);
    assertThat(out()).contains(risk + "  PENDING");
    assertThat(server.journal().pollsOf(bd)).isEqualTo(1);
  }

  @Test
  void await_growthRun_reportsStages() {
    String id = server.deepCurrent().createGrowthRun(MockCredentials.DEEPCURRENT_PAID_KEY,
        Lifecycle.builder().stage("email_lookup", Duration.ofMinutes(2), "Discovering...").stage("email_verify", Duration.ofMinutes(1), "Verifying...").succeed().build());
    assertThat(run("await", "growth", id)).isEqualTo(0);
    assertThat(err()).contains("email_lookup=running").contains("email_verify=completed");
  }

  @Test
  void await_jobsWithStaticToken_andQuiet() {
    env.remove("JOBS_EMAIL");
    env.remove("JOBS_PASSWORD");
    env.put("JOBS_TOKEN", "not-a-valid-token");
    String risk = server.riskTool().createJob(MockCredentials.RISK_ADMIN_EMAIL, "AI_PREVIEW", Lifecycle.builder().succeed().build());
    assertThat(run("await", "jobs", risk, "--quiet")).isEqualTo(5);
    assertThat(err()).doesNotContain("not-a-valid-token");
  }

  @Test
  void pollInterval_pollsAtThatFixedInterval() {
    String id = bdJob(running(Duration.ofSeconds(20)));
    assertThat(run("await", "bd", id, "--poll-interval", "2s", "--quiet")).isEqualTo(0);
    assertThat(time.scheduledDelays()).startsWith(Duration.ZERO).allSatisfy(d -> assertThat(d).isIn(Duration.ZERO, Duration.ofSeconds(2)));
  }

  @Test
  void terminal_drawsOneLiveLineWithABar() {
    String id = bdJob(running(Duration.ofMinutes(2)));
    assertThat(run(true, "await", "bd", id)).isEqualTo(0);
    assertThat(err()).contains("\r[").contains("] 100% completed").endsWith(System.lineSeparator());
    assertThat(err().chars().filter(c -> c == '\n')).hasSize(1);
    assertThat(err().chars().filter(c -> c == '\r').count()).isGreaterThan(3);
  }

  @Test
  void demo_runsOneJobOfEachKind_andExits0() {
    assertThat(run("demo")).isEqualTo(0);
    assertThat(out()).contains("Summary", "BD job", "growth run", "screening", "AI preview", "All four jobs succeeded");
    assertThat(out().lines().filter(l -> l.matches("  (DeepCurrent|DeepIDV|Risk).*"))).hasSize(4);
  }

  @Test
  void noArguments_runsTheDemo() {
    assertThat(run()).isEqualTo(0);
    assertThat(out()).contains("All four jobs succeeded");
  }

  @Test
  void help_listsTheExitCodes() {
    assertThat(run("--help")).isEqualTo(0);
    assertThat(out()).contains("await", "get", "demo", "64", "DEEPCURRENT_API_KEY");
  }

  @Test
  void durations_areParsedAsPeopleWriteThem() {
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
  }
}
