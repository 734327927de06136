package dev.jobsdk.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * {@code java -jar benchmarks.jar <name> [--quick] [options]}: runs the benchmark named (for
 * example {@code mock-throughput}, the class {@code MockThroughputBenchmark}), prints its table
 * and its closing {@code RESULT} line, and exits 0 on PASS, 1 on FAIL, 2 on a usage error.
 */
public final class Main {
  private Main() {}

  /** Entry point. */
  public static void main(String[] argv) throws Exception {
    if (argv.length == 0 || argv[0].startsWith("-")) {
      System.err.println("usage: java -jar benchmarks.jar <name> [--quick] [options]");
      System.err.println("names: see BENCHMARKS.md (e.g. mock-throughput, chaos, scale, per-poll, polling)");
      System.exit(2);
    }
    Benchmark benchmark;
    try {
      benchmark = (Benchmark) Class.forName(className(argv[0])).getConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      System.err.println("no benchmark named '" + argv[0] + "'");
      System.exit(2);
      return;
    }
    Result result = benchmark.run(new Args(Arrays.asList(argv).subList(1, argv.length)));
    System.out.println(result);
    System.out.flush();
    System.exit(result.passed() ? 0 : 1);
  }

  /** {@code mock-throughput} becomes {@code dev.jobsdk.benchmarks.MockThroughputBenchmark}. */
  static String className(String name) {
    StringBuilder cls = new StringBuilder(Main.class.getPackageName()).append('.');
    for (String part : name.split("-")) {
      if (!part.isEmpty()) {
        cls.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return cls.append("Benchmark").toString();
  }
}
