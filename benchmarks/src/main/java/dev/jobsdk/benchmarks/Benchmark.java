package dev.jobsdk.benchmarks;

/**
 * One benchmark runnable as {@code java -jar benchmarks.jar <name> [--quick] [options]}.
 *
 * <p>An implementation is found by name: {@code mock-throughput} is the class
 * {@code dev.jobsdk.benchmarks.MockThroughputBenchmark}, which has a public no-argument
 * constructor. It prints its table to standard output and ends with exactly one line
 * {@code RESULT <name> <metric>=<value> ... goal=<goal> PASS|FAIL}, built with {@link Result}.
 */
public interface Benchmark {

  /**
   * Runs the benchmark.
   *
   * @param args the options after the name, {@code --quick} included
   * @return the result whose line ends the run; its verdict sets the exit code
   * @throws Exception when the benchmark cannot run at all
   */
  Result run(Args args) throws Exception;
}
