package dev.jobsdk.benchmarks;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code chaos [--jobs 1000] [--fault-rate 0.2] [--seed N] [--read-timeout-ms 400] [--quick]}:
 * creates and awaits jobs of every kind through the SDK while the mock server injects faults on
 * every path (see {@link ChaosRun}), and checks every job against the server's record. Passes when
 * every job is correct and nothing is lost, duplicated, polled after its end or leaked.
 */
public final class ChaosBenchmark implements Benchmark {
  /** Creates the benchmark. */
  public ChaosBenchmark() {}

  @Override
  public Result run(Args args) {
    int jobs = (int) args.getLong("jobs", args.quick() ? 200 : 1000);
    double rate = args.getDouble("fault-rate", 0.2);
    long seed = args.getLong("seed", 1);
    Duration readTimeout = Duration.ofMillis(args.getLong("read-timeout-ms", 400));
    if (jobs < 1 || !(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("--jobs must be at least 1 and --fault-rate in [0, 1)");
    }
    System.out.printf(
        Locale.ROOT,
        "chaos: %d jobs (BD jobs, growth runs, DeepIDV screenings, Risk-tool previews), fault rate %.0f%%, seed %d, read timeout %d ms%n",
        jobs,
        rate * 100,
        seed,
        readTimeout.toMillis());
    ChaosRun.Report r = new ChaosRun(jobs, rate, seed, readTimeout, System.out).run();
    for (String problem : r.problems()) {
      System.out.println("  problem: " + problem);
    }
    System.out.printf(
        Locale.ROOT, "  %d requests in %.1f s of real time%n", r.requests(), r.seconds());
    return Result.of("chaos")
        .metric("jobs", r.jobs())
        .metric("correct", r.correct())
        .metric("lost", r.lost())
        .metric("duplicates", r.duplicates())
        .metric("polls_after_terminal", r.pollsAfterTerminal())
        .metric("leaked_connections", r.leakedConnections())
        .metric("fault_rate", rate)
        .metric("seed", seed)
        .metric("requests", r.requests())
        .goal("correct=jobs and every other count 0")
        .pass(r.allGood());
  }
}
