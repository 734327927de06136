package dev.jobsdk.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The options after a benchmark's name: {@code --quick}, and {@code --key value} or
 * {@code --key=value} pairs.
 */
public final class Args {
  private final boolean quick;
  private final Map<String, String> options = new HashMap<>();

  Args(List<String> raw) {
    boolean q = false;
    for (int i = 0; i < raw.size(); i++) {
      String a = raw.get(i);
      if (a.equals("--quick")) {
        q = true;
      } else if (a.startsWith("--") && a.contains("=")) {
        options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      } else if (a.startsWith("--") && i + 1 < raw.size() && !raw.get(i + 1).startsWith("--")) {
        options.put(a.substring(2), raw.get(++i));
      } else if (a.startsWith("--")) {
        options.put(a.substring(2), "true");
      } else {
        throw new IllegalArgumentException("unexpected argument: " + a);
      }
    }
    this.quick = q;
  }

  /** Whether {@code --quick} was given: the benchmark must then finish in under 60 s. */
  public boolean quick() {
    return quick;
  }

  /** A string option, or the default. */
  public String get(String key, String dflt) {
    return options.getOrDefault(key, dflt);
  }

  /** A whole-number option, or the default. */
  public long getLong(String key, long dflt) {
    String v = options.get(key);
    return v == null ? dflt : Long.parseLong(v);
  }

  /** A decimal option, or the default. */
  public double getDouble(String key, double dflt) {
    String v = options.get(key);
    return v == null ? dflt : Double.parseDouble(v);
  }
}
