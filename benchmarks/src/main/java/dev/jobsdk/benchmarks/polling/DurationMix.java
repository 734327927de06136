package dev.jobsdk.benchmarks.polling;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A vendor's realistic mix of job durations and progress shapes, drawn from a seeded random
 * source so that every strategy is compared on the same jobs.
 */
public enum DurationMix {
  /**
   * DeepCurrent BD jobs: log-normal, median 5 min, within 1–20 min; a few seconds queued at 0 %;
   * progress roughly linear (segment speeds vary by about a third) read with ±1 point of noise;
   * a fifth of the jobs stall for a while, a fifth jump forward as a stage completes.
   */
  BD("DeepCurrent BD jobs", "log-normal median 5 min, 1-20 min, progress ~linear + noise, stalls, jumps"),
  /**
   * DeepCurrent growth runs: the same durations, progress reported per stage (lookup, verify,
   * enrich, export) whose lengths vary; half the stages move smoothly, half jump at their end.
   */
  GROWTH("DeepCurrent growth runs", "log-normal median 5 min, 1-20 min, four stages of varying length"),
  /** DeepIDV async jobs: 2–180 s (typically 30–60 s), no progress. */
  DEEPIDV("DeepIDV async jobs", "log-normal median 40 s, 2-180 s, no progress"),
  /** Risk Intelligence Tool jobs: 1–60 s, no progress. */
  RISK("Risk tool jobs", "log-normal median 8 s, 1-60 s, no progress");

  private final String title;
  private final String shape;

  DurationMix(String title, String shape) {
    this.title = title;
    this.shape = shape;
  }

  /** A human-readable name. */
  public String title() {
    return title;
  }

  /** One line describing the durations and progress. */
  public String shape() {
    return shape;
  }

  /**
   * Draws {@code count} jobs.
   *
   * @param count how many
   * @param seed the seed
   * @return the jobs
   */
  public List<SimulatedJob> jobs(int count, long seed) {
    Random r = new Random(seed ^ name().hashCode());
    List<SimulatedJob> jobs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = name().toLowerCase() + "-" + i;
      jobs.add(
          switch (this) {
            case BD -> bd(id, r);
            case GROWTH -> growth(id, r);
            case DEEPIDV -> SimulatedJob.silent(id, logNormal(r, 40, 0.8, 2, 180));
            case RISK -> SimulatedJob.silent(id, logNormal(r, 8, 0.9, 1, 60));
          });
    }
    return jobs;
  }

  private static SimulatedJob bd(String id, Random r) {
    double total = logNormal(r, 300, 0.6, 60, 1200);
    double queued = r.nextDouble() * Math.min(10, total * 0.05);
    double running = total - queued;
    int k = 10;
    double[] time = new double[k];
    double[] share = new double[k];
    for (int i = 0; i < k; i++) {
      time[i] = Math.exp(r.nextGaussian() * 0.3);
      share[i] = Math.exp(r.nextGaussian() * 0.35);
    }
    if (r.nextDouble() < 0.2) {
      share[r.nextInt(k)] = 0; // a stall: time passes, progress does not
    }
    if (r.nextDouble() < 0.2) {
      time[r.nextInt(k)] *= 0.02; // a stage completes: progress jumps
    }
    return curve(id, queued, total, running, time, share, r);
  }

  private static SimulatedJob growth(String id, Random r) {
    double total = logNormal(r, 300, 0.6, 60, 1200);
    double queued = r.nextDouble() * Math.min(10, total * 0.05);
    double running = total - queued;
    double[] nominalTime = {0.15, 0.45, 0.3, 0.1};
    double[] percent = {10, 50, 30, 10};
    List<Double> time = new ArrayList<>();
    List<Double> share = new ArrayList<>();
    for (int s = 0; s < nominalTime.length; s++) {
      double t = nominalTime[s] * Math.exp(r.nextGaussian() * 0.4);
      if (r.nextBoolean()) {
        time.add(t);
        share.add(percent[s]);
      } else {
        time.add(t * 0.99); // the stage reports nothing until it completes
        share.add(0.0);
        time.add(t * 0.01);
        share.add(percent[s]);
      }
    }
    return curve(
        id,
        queued,
        total,
        running,
        time.stream().mapToDouble(Double::doubleValue).toArray(),
        share.stream().mapToDouble(Double::doubleValue).toArray(),
        r);
  }

  private static SimulatedJob curve(
      String id,
      double queued,
      double total,
      double running,
      double[] time,
      double[] share,
      Random r) {
    double timeSum = 0;
    double shareSum = 0;
    for (int i = 0; i < time.length; i++) {
      timeSum += time[i];
      shareSum += share[i];
    }
    double[] times = new double[time.length + 1];
    double[] percents = new double[time.length + 1];
    for (int i = 0; i < time.length; i++) {
      times[i + 1] = times[i] + time[i] / timeSum * running;
      percents[i + 1] = percents[i] + share[i] / shareSum * 100;
    }
    times[time.length] = running;
    percents[time.length] = 100;
    return SimulatedJob.withProgress(id, queued, total, times, percents, r.nextLong(), 1.0);
  }

  /** A log-normal value with the given median, redrawn until it falls within [min, max]. */
  private static double logNormal(Random r, double median, double sigma, double min, double max) {
    while (true) {
      double v = median * Math.exp(r.nextGaussian() * sigma);
      if (v >= min && v <= max) {
        return v;
      }
    }
  }
}
