package dev.jobsdk.cli;

import dev.jobsdk.core.WaitOptions;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.deepcurrent.BdJobRequest;
import dev.jobsdk.deepcurrent.BdPreset;
import dev.jobsdk.deepcurrent.DeepCurrentClient;
import dev.jobsdk.deepcurrent.GrowthQuote;
import dev.jobsdk.deepidv.AdverseMediaRequest;
import dev.jobsdk.deepidv.DeepIdvClient;
import dev.jobsdk.jobs.JobsClient;
import dev.jobsdk.jobs.PromptPreviewRequest;
import dev.jobsdk.mock.Fault;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockJobServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs every client and the CLI with canary credentials through success and every error path,
 * printing logs at TRACE, every message, stack trace and {@code toString()} to standard output.
 * {@link CanaryTest} runs it in a fresh JVM (so TRACE is on from the first logger) and searches
 * the output for the canaries.
 */
public final class CanaryRun {
  static final String DC_KEY = "dc_CANARY_dc_key_5b7e";
  static final String DC_WRONG_KEY = "dc_CANARY_dc_wrong_91c2";
  static final String DC_PASSWORD = "CANARY-dc-password-44d1";
  static final String IDV_KEY = "sk_CANARY_idv_key_2f90";
  static final String IDV_WRONG_KEY = "sk_CANARY_idv_wrong_7a13";
  static final String RISK_EMAIL = "canary.user@example.org";
  static final String RISK_PASSWORD = "CANARY-risk-password-0c55";
  static final String RISK_TOKEN = "CANARY-risk-token-e83b";

  /** Every canary, for the test to search for. */
  static final List<String> CANARIES =
      List.of(DC_KEY, DC_WRONG_KEY, DC_PASSWORD, IDV_KEY, IDV_WRONG_KEY, RISK_PASSWORD, RISK_TOKEN);

  private CanaryRun() {}

  /**
   * Runs the scenarios.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "trace");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.out");
    VirtualScheduler time = VirtualScheduler.startingAt(MockJobServer.DEFAULT_START_TIME);
    PollingPolicy fast = PollingPolicy.builder().interval(Duration.ofSeconds(5)).build();
    try (MockJobServer server = MockJobServer.builder().clock(time.clock()).start()) {
      server.deepCurrent().addAccount(DC_KEY, true);
      server.deepIdv().addOrg(IDV_KEY);
      server.riskTool().addUser(RISK_EMAIL, RISK_PASSWORD, true);
      server.deepCurrent().defaultBdLifecycle(Lifecycle.succeedsAfter(Duration.ofSeconds(20)));

      DeepCurrentClient dc = DeepCurrentClient.builder().baseUrl(server.deepCurrentBaseUrl()).apiKey(DC_KEY).scheduler(time).maxRetries(1).build();
      DeepIdvClient idv = DeepIdvClient.builder().baseUrl(server.deepIdvBaseUrl()).apiKey(IDV_KEY).scheduler(time).maxRetries(1).build();
      JobsClient risk = JobsClient.builder().baseUrl(server.riskToolBaseUrl()).login(RISK_EMAIL, RISK_PASSWORD).scheduler(time).maxRetries(1).build();
      JobsClient riskToken = JobsClient.builder().baseUrl(server.riskToolBaseUrl()).token(RISK_TOKEN).scheduler(time).maxRetries(0).build();
      DeepCurrentClient dcWrong = DeepCurrentClient.builder().baseUrl(server.deepCurrentBaseUrl()).apiKey(DC_WRONG_KEY).scheduler(time).maxRetries(0).build();
      DeepCurrentClient dcLogin = DeepCurrentClient.builder().baseUrl(server.deepCurrentBaseUrl()).login("nobody@example.org", DC_PASSWORD).scheduler(time).maxRetries(0).build();
      DeepIdvClient idvWrong = DeepIdvClient.builder().baseUrl(server.deepIdvBaseUrl()).apiKey(IDV_WRONG_KEY).scheduler(time).maxRetries(0).build();
      show("clients", () -> List.of(dc, idv, risk, riskToken, dcWrong, dcLogin, idvWrong));

      // Success paths.
      JobHandle<?, ?> bd = show("bd create", () -> dc.bdJobs().create(BdJobRequest.of(BdPreset.FULL_PIPELINE, Map.of("companies", List.of(Map.of("company_name", "Acme"))))));
      show("bd await", () -> dc.bdJobs().handle(bd.id()).awaitResult());
      show("bd download", () -> dc.bdJobs().downloadAsset(bd.id(), "verified_contacts"));
      GrowthQuote quote = show("growth quote", () -> dc.growth().quote(dc.growth().resolve("Find 10 founders").goalPlan()));
      JobHandle<?, ?> run = show("growth run", () -> dc.growth().run(quote));
      show("growth await", () -> run.awaitCompletion());
      JobHandle<?, ?> screening = show("screening", () -> idv.screening().adverseMedia(AdverseMediaRequest.builder()
          .email("jane@example.com").firstName("Jane").lastName("Doe").dateOfBirth("1985-04-12").country("ca").build()));
      show("screening await", () -> screening.awaitCompletion(WaitOptions.of(fast, s -> System.out.println("listener: " + s))));
      JobHandle<?, ?> preview = show("preview", () -> risk.prompts().preview(PromptPreviewRequest.builder()
          .systemPrompt("You are an analyst.").userPromptTemplate("Summarise {{x}}.").variable("x", "coffee").build()));
      show("preview await", () -> preview.awaitCompletion());
      show("risk retrieve", () -> risk.jobs().retrieve(preview.id()));

      // Error paths: 401, 404, failed job, 5xx, 429, reset, truncated and malformed bodies, login refused.
      show("401 DeepCurrent", () -> dcWrong.bdJobs().retrieve(bd.id()));
      show("401 DeepIDV", () -> idvWrong.asyncJobs().retrieve(screening.id()));
      show("401 Risk token", () -> riskToken.jobs().retrieve(preview.id()));
      show("login refused", () -> dcLogin.bdJobs().retrieve(bd.id()));
      show("404", () -> dc.bdJobs().retrieve("00000000-0000-0000-0000-000000000000"));
      server.deepCurrent().nextBdJob(Lifecycle.failsAfter(Duration.ofSeconds(10), "upstream timeout"));
      show("job failed", () -> dc.bdJobs().create(BdJobRequest.of(BdPreset.FULL_PIPELINE, Map.of())).awaitCompletion());
      server.faults().add(Fault.on("GET", "/**").times(2).status(503));
      show("503 then 503", () -> idv.asyncJobs().retrieve(screening.id()));
      server.faults().clear();
      server.faults().add(Fault.on("GET", "/**").times(2).status(429).retryAfter(Duration.ofSeconds(3)));
      show("429", () -> risk.jobs().retrieve(preview.id()));
      server.faults().clear();
      server.faults().add(Fault.on("GET", "/**").times(2).resetConnection());
      show("reset", () -> dc.bdJobs().retrieve(bd.id()));
      server.faults().clear();
      server.faults().add(Fault.on("GET", "/**").times(2).truncatedBody());
      show("truncated", () -> idv.asyncJobs().retrieve(screening.id()));
      server.faults().clear();
      server.faults().add(Fault.on("GET", "/**").times(2).malformedJson());
      show("malformed", () -> risk.jobs().retrieve(preview.id()));
      server.faults().clear();
      server.faults().add(Fault.on("POST", "/**").times(1).status(500).body("text/html", "<title>Boom</title>"));
      show("500 on create", () -> idv.screening().adverseMedia(AdverseMediaRequest.builder()
          .email("jo@example.com").firstName("Jo").lastName("Roe").dateOfBirth("1990-01-01").country("gb").build()));
      server.faults().clear();

      // The CLI, with the canaries in its environment.
      Map<String, String> env = new HashMap<>();
      env.put("DEEPCURRENT_BASE_URL", server.deepCurrentBaseUrl());
      env.put("DEEPCURRENT_API_KEY", DC_KEY);
      env.put("DEEPIDV_BASE_URL", server.deepIdvBaseUrl());
      env.put("DEEPIDV_API_KEY", IDV_KEY);
      env.put("JOBS_BASE_URL", server.riskToolBaseUrl());
      env.put("JOBS_EMAIL", RISK_EMAIL);
      env.put("JOBS_PASSWORD", RISK_PASSWORD);
      CliContext ctx = new CliContext(env, System.out, System.out, false, time);
      cli(ctx, "get", "bd", bd.id());
      cli(ctx, "get", "--json", "deepidv", screening.id());
      cli(ctx, "await", "jobs", preview.id());
      cli(ctx, "get", "growth", "00000000-0000-0000-0000-000000000000");
      Map<String, String> wrong = new HashMap<>(env);
      wrong.put("DEEPCURRENT_API_KEY", DC_WRONG_KEY);
      wrong.put("DEEPIDV_API_KEY", IDV_WRONG_KEY);
      wrong.put("JOBS_PASSWORD", DC_PASSWORD);
      CliContext bad = new CliContext(wrong, System.out, System.out, false, time);
      cli(bad, "get", "bd", bd.id());
      cli(bad, "get", "deepidv", screening.id());
      cli(bad, "get", "jobs", preview.id());
      dc.close();
      idv.close();
      risk.close();
      riskToken.close();
      dcWrong.close();
      dcLogin.close();
      idvWrong.close();
    }
    System.out.println("CANARY RUN DONE");
  }

  private static void cli(CliContext ctx, String... args) {
    System.out.println("== jobsdk " + String.join(" ", args));
    int code = JobsdkCli.run(ctx, args);
    System.out.println("exit " + code);
  }

  private static <T> T show(String step, Supplier<T> call) {
    System.out.println("== " + step);
    try {
      T value = call.get();
      System.out.println("value: " + value);
      return value;
    } catch (RuntimeException e) {
      System.out.println("message: " + e.getMessage());
      System.out.println("toString: " + e);
      e.printStackTrace(System.out);
      return null;
    }
  }
}
