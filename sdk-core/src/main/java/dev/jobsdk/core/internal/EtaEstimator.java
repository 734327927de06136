package dev.jobsdk.core.internal;

import dev.jobsdk.core.Backoff.ProgressSample;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Estimates when a job will finish from the percentages it reported: a Theil–Sen line (the
 * median of the slopes between samples far enough apart in time) fitted to the samples since the
 * job last reported 0 %, anchored on the median level of the latest samples. Medians make it
 * robust to noisy readings, and long baselines make it robust to plateaus and stage-shaped jumps.
 * It declines to estimate from too little history or from slopes that disagree too much.
 *
 * <p>Pure and bounded: at most {@code n(n-1)/2} slopes for the {@code n} samples it is given
 * (the poller keeps at most {@link PollDecision#MAX_PROGRESS_SAMPLES}).
 */
public final class EtaEstimator {

  /** The fewest samples, since the last 0 %, an estimate needs. */
  static final int MIN_SAMPLES = 3;

  /** The smallest rise in percentage points an estimate needs. */
  static final int MIN_RISE = 2;

  /** Slopes are taken only between samples at least this fraction of the history apart. */
  static final double MIN_BASELINE = 0.25;

  /** The estimate is unstable when the slopes' interquartile range exceeds this times their median. */
  static final double MAX_SPREAD = 1.5;

  /** The estimate is unstable when a reading is this many points below the one before. */
  static final int MAX_DROP = 5;

  /** How many of the latest samples anchor the line's level. */
  static final int LEVEL_SAMPLES = 2;

  /** The latest share of the history whose rate counts as recent. */
  static final double RECENT = 0.4;

  private EtaEstimator() {}

  /**
   * An estimate.
   *
   * @param remaining seconds from now to the estimated end; negative once the estimate has passed
   * @param percentPerSecond the estimated rate of progress
   */
  public record Estimate(double remaining, double percentPerSecond) {}

  /**
   * Estimates the time left.
   *
   * @param samples the progress history, oldest first
   * @param now the current elapsed time, on the same scale as the samples
   * @return the estimate, or empty when the history is too short or too erratic
   */
  public static Optional<Estimate> estimate(List<ProgressSample> samples, Duration now) {
    int from = 0;
    for (int i = samples.size() - 1; i >= 0; i--) {
      if (samples.get(i).percent() == 0) {
        from = i;
        break;
      }
    }
    int n = samples.size() - from;
    if (n < MIN_SAMPLES) {
      return Optional.empty();
    }
    double[] t = new double[n];
    double[] p = new double[n];
    int low = 100;
    int high = 0;
    for (int i = 0; i < n; i++) {
      ProgressSample s = samples.get(from + i);
      t[i] = seconds(s.elapsed());
      p[i] = s.percent();
      low = Math.min(low, s.percent());
      high = Math.max(high, s.percent());
    }
    double span = t[n - 1] - t[0];
    if (high - low < MIN_RISE || span <= 0) {
      return Optional.empty();
    }
    double[] slopes = new double[n * (n - 1) / 2];
    int k = slopes(t, p, 0, n, span * MIN_BASELINE, slopes);
    if (k < MIN_SAMPLES) {
      return Optional.empty();
    }
    Arrays.sort(slopes, 0, k);
    double overall = quantile(slopes, k, 0.5);
    double spread = quantile(slopes, k, 0.75) - quantile(slopes, k, 0.25);
    if (!(overall > 0) || spread > MAX_SPREAD * overall) {
      return Optional.empty();
    }
    // Readings that go back by more than noise (two interleaved counters, a percentage that is
    // really something else) are no basis either, however consistent the median slope looks.
    // Stage-shaped progress only ever jumps forward.
    for (int i = 1; i < n; i++) {
      if (p[i - 1] - p[i] > MAX_DROP) {
        return Optional.empty();
      }
    }
    // The recent rate, over the latest part of the history: a job that sped up (a stage that
    // goes faster, a jump) ends sooner than the overall rate says. The faster of the two rates
    // gives the earlier end, which costs a few polls when wrong, where the later would cost
    // latency.
    double rate = overall;
    double recentStart = t[n - 1] - span * RECENT;
    int r = n - 1;
    while (r > 0 && t[r - 1] >= recentStart) {
      r--;
    }
    if (n - r >= MIN_SAMPLES) {
      int kr = slopes(t, p, r, n, (t[n - 1] - t[r]) * MIN_BASELINE, slopes);
      if (kr >= 1) {
        Arrays.sort(slopes, 0, kr);
        rate = Math.max(rate, quantile(slopes, kr, 0.5));
      }
    }
    // The level: the higher of the latest two readings' lines, for the same reason.
    double level = Double.NEGATIVE_INFINITY;
    for (int i = Math.max(0, n - LEVEL_SAMPLES); i < n; i++) {
      level = Math.max(level, p[i] - rate * t[i]);
    }
    double end = (100.0 - level) / rate;
    return Optional.of(new Estimate(end - seconds(now), rate));
  }

  /** Writes the slopes between samples {@code from..to-1} at least {@code baseline} apart. */
  private static int slopes(double[] t, double[] p, int from, int to, double baseline, double[] out) {
    int k = 0;
    for (int i = from; i < to; i++) {
      for (int j = i + 1; j < to; j++) {
        double dt = t[j] - t[i];
        if (dt >= baseline && dt > 0) {
          out[k++] = (p[j] - p[i]) / dt;
        }
      }
    }
    return k;
  }

  private static double quantile(double[] sorted, int size, double q) {
    double pos = q * (size - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(i + 1, size - 1);
    return sorted[i] + (sorted[j] - sorted[i]) * (pos - i);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
