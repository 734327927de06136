package dev.jobsdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code per-poll}: what one poll costs through the SDK against hand-written OkHttp + Jackson for
 * the same request and record, same server (the standalone mock in another JVM, over loopback).
 * JMH with the GC profiler gives time and allocation per poll; a plain loop measures CPU time on
 * the calling thread (the SDK and the baseline alternating, to share the machine's noise).
 *
 * <p>Goals: calling-thread CPU per poll at most 1.10x, allocation per poll at most 1.5x, decoding
 * alone at most 1.05x of {@code ObjectMapper.readValue} into the same record.
 */
public final class PerPollBenchmark implements Benchmark {

  @Override
  public dev.jobsdk.benchmarks.Result run(Args args) throws Exception {
    boolean quick = args.quick();
    try (MockProcess mock = MockProcess.start(args)) {
      mock.reset(0);
      String created = mock.post("/__mock/jobs", "{\"family\":\"deepidv\",\"lifecycle\":{\"seconds\":36000}}").body();
      String jobId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created).get("id").asText();
      String key = "sk_test_org_a";
      System.setProperty("perpoll.url", mock.baseUrl());
      System.setProperty("perpoll.job", jobId);
      System.setProperty("perpoll.key", key);

      Options opts = new OptionsBuilder()
          .include(PerPollJmh.class.getName().replace("$", "\\$") + "\\.")
          .forks(quick ? 1 : 2)
          .warmupIterations(quick ? 2 : 5).warmupTime(TimeValue.seconds(quick ? 1 : 2))
          .measurementIterations(quick ? 3 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 2))
          .addProfiler(GCProfiler.class)
          .jvmArgsAppend("-Dperpoll.url=" + mock.baseUrl(), "-Dperpoll.job=" + jobId, "-Dperpoll.key=" + key,
              "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
          .build();
      Collection<RunResult> results = new Runner(opts).run();
      Map<String, double[]> m = new HashMap<>(); // name -> {us/op, bytes/op}
      for (RunResult r : results) {
        String name = r.getParams().getBenchmark();
        name = name.substring(name.lastIndexOf('.') + 1);
        double time = r.getPrimaryResult().getScore();
        Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
        if (alloc == null) {
          alloc = r.getSecondaryResults().get("·gc.alloc.rate.norm");
        }
        m.put(name, new double[] {time, alloc == null ? Double.NaN : alloc.getScore()});
      }

      // Calling-thread CPU, in this JVM, alternating rounds of SDK and baseline.
      PerPollJmh bench = new PerPollJmh();
      PerPollJmh.Poll state = new PerPollJmh.Poll();
      state.start();
      // The CPU loop is cheap (about 0.1 ms a call), so even --quick alternates 20 rounds: fewer
      // made the ratio swing by 0.1 between runs on this 2-CPU machine.
      int rounds = 20;
      int perRound = 1_000;
      long sdkCpu = 0;
      long handCpu = 0;
      try {
        cpu(() -> bench.sdkRetrieve(state), 2_000);
        cpu(() -> bench.handRetrieve(state), 2_000);
        for (int i = 0; i < rounds; i++) {
          sdkCpu += cpu(() -> bench.sdkRetrieve(state), perRound);
          handCpu += cpu(() -> bench.handRetrieve(state), perRound);
        }
      } finally {
        state.stop();
      }
      double sdkCpuUs = sdkCpu / 1000.0 / (rounds * (long) perRound);
      double handCpuUs = handCpu / 1000.0 / (rounds * (long) perRound);

      double[] sr = m.get("sdkRetrieve");
      double[] hr = m.get("handRetrieve");
      double[] sd = m.get("sdkDecode");
      double[] hd = m.get("handDecode");
      System.out.println();
      System.out.println("| per poll | SDK | hand-written OkHttp + Jackson | ratio |");
      System.out.println("|---|---|---|---|");
      System.out.printf(Locale.ROOT, "| retrieve, wall time (JMH) | %.1f µs | %.1f µs | %.2fx |%n", sr[0], hr[0], sr[0] / hr[0]);
      System.out.printf(Locale.ROOT, "| retrieve, calling-thread CPU | %.1f µs | %.1f µs | %.2fx |%n", sdkCpuUs, handCpuUs, sdkCpuUs / handCpuUs);
      System.out.printf(Locale.ROOT, "| retrieve, allocation (gc.alloc.rate.norm) | %.0f B | %.0f B | %.2fx |%n", sr[1], hr[1], sr[1] / hr[1]);
      System.out.printf(Locale.ROOT, "| decode only, time (JMH) | %.2f µs | %.2f µs | %.2fx |%n", sd[0], hd[0], sd[0] / hd[0]);
      System.out.printf(Locale.ROOT, "| decode only, allocation | %.0f B | %.0f B | %.2fx |%n", sd[1], hd[1], sd[1] / hd[1]);
      double cpuRatio = sdkCpuUs / handCpuUs;
      double allocRatio = sr[1] / hr[1];
      double decodeRatio = sd[0] / hd[0];
      return dev.jobsdk.benchmarks.Result.of("per-poll")
          .metric("jdk", Integer.toString(Runtime.version().feature()))
          .metric("cpu_ratio", cpuRatio)
          .metric("alloc_ratio", allocRatio)
          .metric("decode_ratio", decodeRatio)
          .metric("sdk_cpu_us", sdkCpuUs)
          .metric("sdk_alloc_bytes", Math.round(sr[1]))
          .metric("hand_alloc_bytes", Math.round(hr[1]))
          .goal("cpu<=1.10x,alloc<=1.5x,decode<=1.05x")
          .pass(cpuRatio <= 1.10 && allocRatio <= 1.5 && decodeRatio <= 1.05);
    }
  }

  /** Calling-thread CPU nanoseconds of {@code n} calls. */
  private static long cpu(Callable<?> call, int n) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      call.call();
    }
    return threads.getCurrentThreadCpuTime() - start;
  }
}
