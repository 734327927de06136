package dev.jobsdk.benchmarks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one closing line of a benchmark: {@code RESULT <name> k=v ... goal=<goal> PASS|FAIL}.
 */
public final class Result {
  private final String name;
  private final Map<String, String> metrics = new LinkedHashMap<>();
  private String goal = "";
  private boolean pass;

  private Result(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** Starts the result line of the named benchmark. */
  public static Result of(String name) {
    return new Result(name);
  }

  /** Adds a whole-number metric. */
  public Result metric(String key, long value) {
    metrics.put(key, Long.toString(value));
    return this;
  }

  /** Adds a metric printed with two decimals. */
  public Result metric(String key, double value) {
    metrics.put(key, String.format(Locale.ROOT, "%.2f", value));
    return this;
  }

  /** Adds a metric printed as given. */
  public Result metric(String key, String value) {
    metrics.put(key, value);
    return this;
  }

  /** The goal, as a short expression without spaces, e.g. {@code rps>=2.0x,cpu<=0.5x}. */
  public Result goal(String goal) {
    this.goal = goal.replace(' ', '_');
    return this;
  }

  /** Whether the goal was met. */
  public Result pass(boolean pass) {
    this.pass = pass;
    return this;
  }

  /** Whether the goal was met. */
  public boolean passed() {
    return pass;
  }

  @Override
  public String toString() {
    StringBuilder line = new StringBuilder("RESULT ").append(name);
    metrics.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    return line.append(" goal=").append(goal).append(' ').append(pass ? "PASS" : "FAIL").toString();
  }
}
