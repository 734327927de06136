package dev.jobsdk.benchmarks;

import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.JobSdkException;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.RateLimitException;
import dev.jobsdk.core.ServerException;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.deepcurrent.BdJob;
import dev.jobsdk.deepcurrent.BdJobRequest;
import dev.jobsdk.deepcurrent.BdJobResult;
import dev.jobsdk.deepcurrent.BdPreset;
import dev.jobsdk.deepcurrent.DeepCurrentClient;
import dev.jobsdk.deepcurrent.GrowthQuote;
import dev.jobsdk.deepidv.AdverseMediaRequest;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.DeepIdvClient;
import dev.jobsdk.jobs.Job;
import dev.jobsdk.jobs.JobsClient;
import dev.jobsdk.jobs.PromptPreviewRequest;
import dev.jobsdk.mock.Fault;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJob;
import dev.jobsdk.mock.MockJobServer;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * Creates and awaits jobs of every kind through the three SDK clients while the mock server
 * injects faults on every path, then checks each job against the server's own record.
 *
 * <p>Job progress runs on one virtual clock shared by the SDK's scheduler and the mock, so a run
 * takes seconds; only the latency fault costs real time (one read timeout each).
 *
 * <p>Faults, each at an equal share of the fault rate on every path they can be injected on: 503,
 * 429 with Retry-After, 502 with a 60 KB HTML page, a connection reset after the server processed
 * the request, a truncated body, an answer slower than the read timeout (after processing), and a
 * 503 after processing. The last four reach a request only once the server has acted on it, so on
 * a create they are injected only where the vendor documents an idempotency key (DeepIDV): no
 * client can recover a BD job, growth run or Risk-tool job whose create answer was lost, since
 * those APIs document no key and no list endpoint. Their creates (and logins) get the faults that
 * come before processing (503, 429, 502), and this harness re-sends a create after one, as an
 * application would.
 */
public final class ChaosRun {
  /** The outcome of a run. */
  public record Report(
      int jobs,
      int correct,
      int lost,
      int duplicates,
      long pollsAfterTerminal,
      long leakedConnections,
      long requests,
      double seconds,
      List<String> problems) {
    /**
     * Returns whether every job came out right and nothing leaked.
     *
     * @return true when all counters are zero and every job is correct
     */
    public boolean allGood() {
      return correct == jobs
          && lost == 0
          && duplicates == 0
          && pollsAfterTerminal == 0
          && leakedConnections == 0;
    }
  }

  private static final int MAX_RESENDS = 25;

  private final int jobs;
  private final double faultRate;
  private final long seed;
  private final Duration readTimeout;
  private final PrintStream out;
  private final SplittableRandom random;
  private final List<String> problems = new ArrayList<>();

  /**
   * Configures a run.
   *
   * @param jobs how many jobs to create
   * @param faultRate the share of requests that meet a fault, 0 to 1
   * @param seed the seed of the mock's fault dice and of the job mix
   * @param readTimeout the clients' read timeout (the latency fault waits three of them)
   * @param out where progress lines go
   */
  public ChaosRun(int jobs, double faultRate, long seed, Duration readTimeout, PrintStream out) {
    this.jobs = jobs;
    this.faultRate = faultRate;
    this.seed = seed;
    this.readTimeout = readTimeout;
    this.out = out;
    this.random = new SplittableRandom(seed);
  }

  /** What the harness knows of one logical create. */
  private static final class Tracked {
    final int index;
    final String kind;
    String id;
    int serverJobs;
    CompletableFuture<?> wait;
    JobState outcome;
    Object result;
    String problem;

    Tracked(int index, String kind) {
      this.index = index;
      this.kind = kind;
    }
  }

  /**
   * Runs the chaos.
   *
   * @return the report
   */
  public Report run() {
    long started = System.nanoTime();
    LeakCounter leaks = new LeakCounter();
    Logger okhttpLog = Logger.getLogger(OkHttpClient.class.getName());
    okhttpLog.addHandler(leaks);
    VirtualScheduler time = VirtualScheduler.startingAt(MockJobServer.DEFAULT_START_TIME);
    OkHttpClient shared = new OkHttpClient.Builder().eventListenerFactory(call -> leaks.listener).build();
    List<Tracked> tracked = new ArrayList<>();
    Report counted;
    try (MockJobServer server = MockJobServer.builder().seed(seed).clock(time.clock()).start()) {
      server.deepCurrent().setCredits(MockCredentials.DEEPCURRENT_PAID_KEY, Integer.MAX_VALUE / 2);
      PollingPolicy policy =
          PollingPolicy.builder()
              .initialDelay(Duration.ofSeconds(5))
              .interval(Duration.ofSeconds(10))
              .maxInterval(Duration.ofSeconds(10))
              .multiplier(1.0)
              .maxConsecutiveErrors(50)
              .totalTimeout(Duration.ofHours(6))
              .retryAfterClamp(Duration.ofSeconds(1), Duration.ofSeconds(30))
              .build();
      try (DeepCurrentClient deepCurrent =
              DeepCurrentClient.builder()
                  .baseUrl(server.deepCurrentBaseUrl())
                  .apiKey(MockCredentials.DEEPCURRENT_PAID_KEY)
                  .scheduler(time)
                  .okHttpClient(shared)
                  .readTimeout(readTimeout)
                  .maxRetries(6)
                  .pollingPolicy(policy)
                  .build();
          DeepIdvClient deepIdv =
              DeepIdvClient.builder()
                  .baseUrl(server.deepIdvBaseUrl())
                  .apiKey(MockCredentials.DEEPIDV_ORG_A_KEY)
                  .scheduler(time)
                  .okHttpClient(shared)
                  .readTimeout(readTimeout)
                  .maxRetries(6)
                  .pollingPolicy(policy)
                  .build();
          JobsClient riskTool =
              JobsClient.builder()
                  .baseUrl(server.riskToolBaseUrl())
                  .login(MockCredentials.RISK_ADMIN_EMAIL, MockCredentials.RISK_ADMIN_PASSWORD)
                  .scheduler(time)
                  .okHttpClient(shared)
                  .readTimeout(readTimeout)
                  .maxRetries(6)
                  .pollingPolicy(policy)
                  .build()) {
        warmUp(deepCurrent, deepIdv, riskTool);
        injectFaults(server);
        String[] kinds = {"bd", "growth", "screening", "preview"};
        for (int i = 0; i < jobs; i++) {
          Tracked t = new Tracked(i, kinds[i % kinds.length]);
          tracked.add(t);
          script(server, t);
          int before = server.jobs().list().size();
          try {
            JobHandle<?, ?> handle = create(t, deepCurrent, deepIdv, riskTool, time);
            t.id = handle.id();
            t.wait = handle.awaitCompletionAsync();
          } catch (RuntimeException e) {
            t.problem = "create failed: " + e;
          }
          t.serverJobs = server.jobs().list().size() - before;
          if ((i + 1) % Math.max(1, jobs / 10) == 0) {
            out.printf(Locale.ROOT, "  created %d/%d%n", i + 1, jobs);
          }
        }
        int idle = 0;
        while (tracked.stream().anyMatch(t -> t.wait != null && !t.wait.isDone())) {
          if (!time.runNext()) {
            idle++;
            if (idle > 3) {
              problems.add("waits pending with nothing scheduled (a hang)");
              break;
            }
          }
        }
        for (Tracked t : tracked) {
          settle(t, deepCurrent, time);
        }
        Set<String> known = new HashSet<>();
        int correct = 0;
        int lost = 0;
        int duplicates = 0;
        long afterTerminal = 0;
        for (Tracked t : tracked) {
          if (t.serverJobs > 1) {
            duplicates += t.serverJobs - 1;
          }
          if (t.id == null) {
            lost++;
            note(t, t.problem);
            continue;
          }
          known.add(t.id);
          afterTerminal += server.journal().requestsAfterTerminal(t.id);
          String problem = check(t, server);
          if (problem == null) {
            correct++;
          } else {
            note(t, problem);
            if (t.outcome == null) {
              lost++;
            }
          }
        }
        for (MockJob j : server.jobs().list()) {
          if (!known.contains(j.id()) && !j.kind().equalsIgnoreCase("GAP_DETECTION")) {
            problems.add("server job " + j.id() + " (" + j.kind() + ") reached no caller");
          }
        }
        counted =
            new Report(
                jobs,
                correct,
                lost,
                duplicates,
                afterTerminal,
                0,
                server.journal().requestCount(),
                0,
                List.of());
      }
      // The clients are closed: every call must have ended, and nothing be reported leaked.
      shared.connectionPool().evictAll();
      System.gc();
      long leaked = leaks.unfinishedCalls() + leaks.warnings.get();
      return new Report(
          counted.jobs(),
          counted.correct(),
          counted.lost(),
          counted.duplicates(),
          counted.pollsAfterTerminal(),
          leaked,
          counted.requests(),
          (System.nanoTime() - started) / 1e9,
          List.copyOf(problems));
    } finally {
      okhttpLog.removeHandler(leaks);
      shared.dispatcher().executorService().shutdown();
    }
  }

  private void note(Tracked t, String problem) {
    if (problems.size() < 20) {
      problems.add("job " + t.index + " (" + t.kind + (t.id != null ? " " + t.id : "") + "): " + problem);
    }
  }

  /**
   * Sends a few requests of each kind before any fault, so that class loading and the first
   * connections do not pass for a slow server (the read timeout is short).
   */
  private static void warmUp(DeepCurrentClient dc, DeepIdvClient idv, JobsClient risk) {
    for (int i = 0; i < 5; i++) {
      try {
        dc.growth().resolve("warm up");
      } catch (JobSdkException slowStart) {
        // a first answer slower than the short read timeout: warming up is what this is for
      }
      try {
        idv.asyncJobs().retrieve(java.util.UUID.randomUUID().toString());
      } catch (JobSdkException expected) {
        // 404: only the round trip matters
      }
      try {
        risk.jobs().retrieve(java.util.UUID.randomUUID().toString());
      } catch (JobSdkException expected) {
        // 404
      }
    }
  }

  /** Scripts the next job of this kind: most succeed, some fail, after 10 to 40 virtual seconds. */
  private void script(MockJobServer server, Tracked t) {
    Duration runs = Duration.ofSeconds(10 + random.nextInt(31));
    Lifecycle lifecycle =
        random.nextInt(100) < 15
            ? Lifecycle.failsAfter(runs, "scripted failure " + t.index)
            : Lifecycle.succeedsAfter(runs);
    switch (t.kind) {
      case "bd" -> server.deepCurrent().nextBdJob(lifecycle);
      case "growth" -> server.deepCurrent().nextGrowthRun(lifecycle);
      case "screening" -> server.deepIdv().nextJob(lifecycle);
      default -> server.riskTool().nextJob("AI_PREVIEW", lifecycle);
    }
  }

  private JobHandle<?, ?> create(
      Tracked t, DeepCurrentClient dc, DeepIdvClient idv, JobsClient risk, VirtualScheduler time) {
    String tag = "chaos-" + seed + "-" + t.index;
    return switch (t.kind) {
      case "bd" ->
          resend(
              time,
              () ->
                  dc.bdJobs()
                      .create(
                          BdJobRequest.builder()
                              .preset(BdPreset.FULL_PIPELINE)
                              .inputAssets(
                                  java.util.Map.of(
                                      "companies",
                                      List.of(
                                          java.util.Map.of(
                                              "company_name", tag, "website", tag + ".example"))))
                              .build()));
      case "growth" -> {
        // resolve and quote create nothing on the server, so any failure may be re-sent.
        GrowthQuote quote =
            resendAny(
                time,
                () -> dc.growth().quote(dc.growth().resolve("Find 10 founders " + tag).goalPlan()));
        yield resend(time, () -> dc.growth().run(quote));
      }
      case "screening" -> {
        AdverseMediaRequest request =
            AdverseMediaRequest.builder()
                .email(tag + "@example.com")
                .firstName("Chaos")
                .lastName("Run" + t.index)
                .dateOfBirth("1985-04-12")
                .country("ca")
                .build();
        // One key per logical create, also across this harness's own re-sends.
        String key = java.util.UUID.nameUUIDFromBytes(tag.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        yield resend(time, () -> idv.screening().adverseMedia(request, key));
      }
      default ->
          resend(
              time,
              () ->
                  risk.prompts()
                      .preview(
                          PromptPreviewRequest.builder()
                              .systemPrompt("You are a risk analyst.")
                              .userPromptTemplate("Summarise {{tag}}.")
                              .variable("tag", tag)
                              .build()));
    };
  }

  /**
   * Re-sends a create the server answered with 429 or 503 (it did not act on it), waiting the
   * server's Retry-After or a second, as an application would.
   */
  private static <T> T resend(VirtualScheduler time, Supplier<T> create) {
    for (int attempt = 1; ; attempt++) {
      try {
        return create.get();
      } catch (RateLimitException | ServerException e) {
        boolean notActedOn = e.statusCode() == 429 || e.statusCode() == 503 || e.statusCode() == 502;
        if (!notActedOn || attempt == MAX_RESENDS) {
          throw e;
        }
        time.sleep(e.retryAfter().orElse(Duration.ofSeconds(1)));
      }
    }
  }

  private static <T> T resendAny(VirtualScheduler time, Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (JobSdkException e) {
        if (!e.isRetryable() || attempt == MAX_RESENDS) {
          throw e;
        }
        time.sleep(Duration.ofSeconds(1));
      }
    }
  }

  /** Records how the wait ended, and fetches a BD job's result. */
  private void settle(Tracked t, DeepCurrentClient dc, VirtualScheduler time) {
    if (t.wait == null) {
      return;
    }
    if (!t.wait.isDone()) {
      t.problem = "wait never ended";
      return;
    }
    try {
      t.result = t.wait.join();
      t.outcome = JobState.SUCCEEDED;
      if (t.kind.equals("bd")) {
        t.result = resend(time, () -> dc.bdJobs().result(t.id));
      }
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof JobFailedException) {
        t.outcome = JobState.FAILED;
      } else {
        t.problem = "wait failed: " + cause;
      }
    } catch (JobSdkException e) {
      t.problem = "result failed: " + e;
    }
  }

  /** Compares what the caller saw with the server's own record; null when they agree. */
  private static String check(Tracked t, MockJobServer server) {
    if (t.problem != null) {
      return t.problem;
    }
    MockJob truth = server.jobs().find(t.id).orElse(null);
    if (truth == null) {
      return "the server has no job " + t.id;
    }
    String status = truth.status().toLowerCase(Locale.ROOT);
    boolean serverSucceeded = Set.of("ready", "completed", "succeeded").contains(status);
    boolean serverFailed = status.equals("failed");
    if (t.outcome == JobState.SUCCEEDED && !serverSucceeded
        || t.outcome == JobState.FAILED && !serverFailed) {
      return "caller saw " + t.outcome + ", server says " + truth.status();
    }
    if (t.outcome == JobState.SUCCEEDED) {
      boolean complete =
          switch (t.kind) {
            case "bd" -> t.result instanceof BdJobResult r && r.isAvailable();
            case "screening" -> t.result instanceof AdverseMediaResult r && r.riskLevel() != null;
            case "preview" ->
                t.result instanceof Job j && j.aiPreviewResult().map(p -> !p.output().isEmpty()).orElse(false);
            default -> t.result instanceof JobSnapshot s && s.state() == JobState.SUCCEEDED;
          };
      if (!complete) {
        return "succeeded without a complete result: " + t.result;
      }
    }
    if (t.serverJobs != 1) {
      return "the server created " + t.serverJobs + " jobs for it";
    }
    return null;
  }

  private void injectFaults(MockJobServer server) {
    // Every GET (polls, results): all seven faults.
    addAll(server, "GET", "/**", true);
    // DeepIDV's create carries an Idempotency-Key: all seven faults.
    addAll(server, "POST", "/v1/screening/adverse-media", true);
    // Creates without a documented key, and logins: the faults that come before processing.
    for (String path :
        List.of(
            "/api/v1/bd/jobs",
            "/api/v1/growth/resolve",
            "/api/v1/growth/quote",
            "/api/v1/growth/run",
            "/api/admin/prompts/preview",
            "/api/auth/login",
            "/api/auth/refresh-token")) {
      addAll(server, "POST", path, false);
    }
  }

  private void addAll(MockJobServer server, String method, String glob, boolean afterProcessingToo) {
    int kinds = afterProcessingToo ? 7 : 3;
    // Rules are tried in order and the first that fires wins: equal shares of the total rate.
    double p = 1 - Math.pow(1 - faultRate, 1.0 / kinds);
    server.faults().add(Fault.on(method, glob).probability(p).status(503));
    server.faults()
        .add(Fault.on(method, glob).probability(p).status(429).retryAfter(Duration.ofSeconds(2)));
    server.faults()
        .add(
            Fault.on(method, glob)
                .probability(p)
                .status(502)
                .body("text/html", "<html><head><title>502 Bad Gateway</title></head><body>" + "<".repeat(60_000) + "</body></html>"));
    if (afterProcessingToo) {
      server.faults().add(Fault.on(method, glob).probability(p).resetConnection());
      server.faults().add(Fault.on(method, glob).probability(p).truncatedBody());
      // The server acts, but its answer comes after the client's read timeout: the answer is lost.
      server.faults()
          .add(
              Fault.on(method, glob)
                  .probability(p)
                  .status(503)
                  .afterProcessing()
                  .latency(readTimeout.multipliedBy(3)));
      server.faults().add(Fault.on(method, glob).probability(p).status(503).afterProcessing());
    }
  }

  /** Counts OkHttp's leak warnings and calls that never ended (a body nobody closed). */
  private static final class LeakCounter extends Handler {
    final AtomicLong warnings = new AtomicLong();
    final AtomicLong started = new AtomicLong();
    final AtomicLong ended = new AtomicLong();
    final EventListener listener =
        new EventListener() {
          @Override
          public void callStart(Call call) {
            started.incrementAndGet();
          }

          @Override
          public void callEnd(Call call) {
            ended.incrementAndGet();
          }

          @Override
          public void callFailed(Call call, IOException ioe) {
            ended.incrementAndGet();
          }
        };

    long unfinishedCalls() {
      return started.get() - ended.get();
    }

    @Override
    public void publish(LogRecord record) {
      if (record.getMessage() != null && record.getMessage().contains("leaked")) {
        warnings.incrementAndGet();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
