package dev.jobsdk.benchmarks;

import dev.jobsdk.benchmarks.polling.DurationMix;
import dev.jobsdk.benchmarks.polling.SimulatedJob;
import dev.jobsdk.core.Backoff;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.internal.Poller;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.deepcurrent.DeepCurrentClient;
import dev.jobsdk.deepidv.DeepIdvClient;
import dev.jobsdk.jobs.JobsClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code polling}: how many requests a wait sends and how late it notices the end, per polling
 * strategy, on each vendor's realistic mix of job durations.
 *
 * <p>Every strategy awaits the same jobs through sdk-core's own {@link Poller} (and so its
 * PollDecision and the strategy's {@link Backoff}) on a {@link VirtualScheduler}: a poll reads the
 * simulated job at the virtual time it runs, nothing sleeps, and a 20-minute job is awaited in
 * microseconds. Detection latency is the time from the job's terminal transition to the await
 * returning. Goal on the BD mix: the new default sends at most 0.35x the requests of a fixed 3 s
 * interval (the vendors' advice) with a p95 detection latency at most 1.0x that of fixed 3 s.
 */
public final class PollingBenchmark implements Benchmark {

  /** DeepCurrent's default policy before progress-aware polling (5 s growing 1.5x to 30 s). */
  static final PollingPolicy PREVIOUS_DEEPCURRENT =
      PollingPolicy.builder()
          .interval(Duration.ofSeconds(5))
          .multiplier(1.5)
          .maxInterval(Duration.ofSeconds(30))
          .jitter(PollingPolicy.Jitter.EQUAL)
          .totalTimeout(Duration.ofHours(2))
          .build();

  /** DeepIDV's default policy before (2 s growing 1.5x to 5 s). */
  static final PollingPolicy PREVIOUS_DEEPIDV =
      PollingPolicy.builder()
          .interval(Duration.ofSeconds(2))
          .multiplier(1.5)
          .maxInterval(Duration.ofSeconds(5))
          .jitter(PollingPolicy.Jitter.EQUAL)
          .totalTimeout(Duration.ofMinutes(10))
          .build();

  /** The Risk tool's default policy before (3 s growing 1.2x to 10 s). */
  static final PollingPolicy PREVIOUS_RISK =
      PollingPolicy.builder()
          .interval(Duration.ofSeconds(3))
          .multiplier(1.2)
          .maxInterval(Duration.ofSeconds(10))
          .jitter(PollingPolicy.Jitter.EQUAL)
          .totalTimeout(Duration.ofMinutes(15))
          .build();

  /** The strategies compared, in table order. */
  static Map<String, PollingPolicy> strategies(DurationMix mix) {
    Map<String, PollingPolicy> s = new LinkedHashMap<>();
    s.put(
        "fixed 3 s (vendor advice)",
        PollingPolicy.builder()
            .backoff(Backoff.fixed(Duration.ofSeconds(3)))
            .totalTimeout(Duration.ofHours(2))
            .build());
    s.put(
        "exponential 1 s x1.5 to 30 s, full jitter",
        PollingPolicy.builder()
            .backoff(
                Backoff.exponential(
                    Duration.ofSeconds(1), 1.5, Duration.ofSeconds(30), PollingPolicy.Jitter.FULL))
            .totalTimeout(Duration.ofHours(2))
            .build());
    switch (mix) {
      case BD, GROWTH -> {
        s.put("previous default", PREVIOUS_DEEPCURRENT);
        s.put("new default", DeepCurrentClient.DEFAULT_POLLING_POLICY);
      }
      case DEEPIDV -> {
        s.put("previous default", PREVIOUS_DEEPIDV);
        s.put("new default", DeepIdvClient.DEFAULT_POLLING_POLICY);
      }
      case RISK -> {
        s.put("previous default", PREVIOUS_RISK);
        s.put("new default", JobsClient.DEFAULT_POLLING_POLICY);
      }
    }
    return s;
  }

  /** What one strategy did on one mix. */
  record Row(String strategy, double requestsPerJob, double p50, double p95, int timeouts) {}

  @Override
  public Result run(Args args) {
    int jobs = (int) args.getLong("jobs", args.quick() ? 400 : 2000);
    long seed = args.getLong("seed", 42);
    System.out.printf(
        Locale.ROOT,
        "polling: %d jobs per mix, seed %d; sdk-core Poller on a virtual clock (no real sleeping)%n%n",
        jobs,
        seed);
    Map<DurationMix, List<Row>> all = new LinkedHashMap<>();
    for (DurationMix mix : DurationMix.values()) {
      List<SimulatedJob> sample = mix.jobs(jobs, seed);
      List<Row> rows = new ArrayList<>();
      strategies(mix).forEach((name, policy) -> rows.add(measure(name, policy, sample, seed)));
      all.put(mix, rows);
      printTable(mix, rows);
    }
    printChart(all.get(DurationMix.BD));

    List<Row> bd = all.get(DurationMix.BD);
    Row fixed = bd.get(0);
    Row fresh = bd.get(bd.size() - 1);
    double requestsRatio = fresh.requestsPerJob() / fixed.requestsPerJob();
    double latencyRatio = fresh.p95() / fixed.p95();
    boolean pass = requestsRatio <= 0.35 && latencyRatio <= 1.0 && fresh.timeouts() == 0;
    return Result.of("polling")
        .metric("requests_ratio", requestsRatio)
        .metric("p95_latency_ratio", latencyRatio)
        .goal("requests_ratio<=0.35,p95_latency_ratio<=1.0_on_BD")
        .pass(pass);
  }

  /** Awaits every job with one policy and summarises requests and detection latency. */
  static Row measure(String name, PollingPolicy policy, List<SimulatedJob> jobs, long seed) {
    long requests = 0;
    int timeouts = 0;
    double[] latency = new double[jobs.size()];
    Random jitter = new Random(seed);
    for (int i = 0; i < jobs.size(); i++) {
      SimulatedJob job = jobs.get(i);
      VirtualScheduler time = VirtualScheduler.create();
      Instant start = time.now();
      int[] polls = {0};
      Poller poller = new Poller(time, jitter::nextDouble);
      try {
        poller.<JobSnapshot>await(
            "job-" + i, () -> job.at(seconds(start, time.now()), ++polls[0]), policy, null);
      } catch (RuntimeException e) {
        timeouts++;
      }
      requests += polls[0];
      latency[i] = seconds(start, time.now()) - job.duration();
    }
    Arrays.sort(latency);
    return new Row(
        name,
        (double) requests / jobs.size(),
        percentile(latency, 0.50),
        percentile(latency, 0.95),
        timeouts);
  }

  private static void printTable(DurationMix mix, List<Row> rows) {
    System.out.printf(Locale.ROOT, "%s (%s)%n", mix.title(), mix.shape());
    System.out.printf(
        Locale.ROOT,
        "  %-42s %12s %10s %10s %9s%n",
        "strategy",
        "requests/job",
        "p50 [s]",
        "p95 [s]",
        "vs fixed");
    double base = rows.get(0).requestsPerJob();
    for (Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          "  %-42s %12.1f %10.2f %10.2f %8.2fx%s%n",
          r.strategy(),
          r.requestsPerJob(),
          r.p50(),
          r.p95(),
          r.requestsPerJob() / base,
          r.timeouts() > 0 ? "  (" + r.timeouts() + " timed out)" : "");
    }
    System.out.println();
  }

  /** Requests per job and p95 latency side by side as bars, for a reader in a hurry. */
  private static void printChart(List<Row> rows) {
    double maxRequests = rows.stream().mapToDouble(Row::requestsPerJob).max().orElse(1);
    double maxLatency = rows.stream().mapToDouble(Row::p95).max().orElse(1);
    System.out.println("BD jobs at a glance: requests per job | p95 detection latency");
    for (Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          "  %-42s %-25s %6.1f | %-25s %5.1f s%n",
          r.strategy(),
          "#".repeat((int) Math.round(25 * r.requestsPerJob() / maxRequests)),
          r.requestsPerJob(),
          "#".repeat((int) Math.round(25 * r.p95() / maxLatency)),
          r.p95());
    }
    System.out.println();
  }

  private static double percentile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(i + 1, sorted.length - 1);
    return sorted[i] + (sorted[j] - sorted[i]) * (pos - i);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }
}
