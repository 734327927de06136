package dev.jobsdk.benchmarks.polling;

import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.Progress;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

/**
 * One job of a duration mix: when it finishes, and the completion percentage it reports at any
 * moment before that (or none). Immutable; the same job is awaited by every strategy compared.
 */
public final class SimulatedJob {
  private final String id;
  private final double queued;
  private final double duration;
  private final double[] times;
  private final double[] percents;
  private final long noiseSeed;
  private final double noise;

  private SimulatedJob(
      String id,
      double queued,
      double duration,
      double[] times,
      double[] percents,
      long noiseSeed,
      double noise) {
    this.id = id;
    this.queued = queued;
    this.duration = duration;
    this.times = times;
    this.percents = percents;
    this.noiseSeed = noiseSeed;
    this.noise = noise;
  }

  /**
   * A job that reports no percentage.
   *
   * @param id the id
   * @param duration seconds from creation to its terminal state
   * @return the job
   */
  static SimulatedJob silent(String id, double duration) {
    return new SimulatedJob(id, 0, duration, null, null, 0, 0);
  }

  /**
   * A job whose progress follows the given curve, read with Gaussian noise.
   *
   * @param id the id
   * @param queued seconds at 0 % before it starts running
   * @param duration seconds from creation to its terminal state
   * @param times the curve's breakpoints, seconds after it starts running, increasing from 0
   * @param percents the true percentage at each breakpoint, non-decreasing from 0 to 100
   * @param noiseSeed the seed of the reading noise
   * @param noise the standard deviation of a reading, in percentage points
   * @return the job
   */
  static SimulatedJob withProgress(
      String id,
      double queued,
      double duration,
      double[] times,
      double[] percents,
      long noiseSeed,
      double noise) {
    return new SimulatedJob(id, queued, duration, times, percents, noiseSeed, noise);
  }

  /** Seconds from creation to the terminal state. */
  public double duration() {
    return duration;
  }

  /** Whether the job reports a percentage. */
  public boolean reportsProgress() {
    return times != null;
  }

  /**
   * What a poll at {@code t} seconds after creation returns.
   *
   * @param t seconds since creation
   * @param pollNumber the poll's number, which seeds its reading noise
   * @return the snapshot
   */
  public JobSnapshot at(double t, int pollNumber) {
    if (t >= duration) {
      return new Snapshot(id, JobState.SUCCEEDED, "completed", times == null ? null : 100);
    }
    if (t < queued) {
      return new Snapshot(id, JobState.PENDING, "pending", times == null ? null : 0);
    }
    if (times == null) {
      return new Snapshot(id, JobState.RUNNING, "running", null);
    }
    double truth = truePercent(t - queued);
    double read = truth + new Random(noiseSeed * 31 + pollNumber).nextGaussian() * noise;
    int shown = (int) Math.max(truth > 0 ? 1 : 0, Math.min(99, Math.floor(read)));
    return new Snapshot(id, JobState.RUNNING, "running", shown);
  }

  private double truePercent(double running) {
    int i = Arrays.binarySearch(times, running);
    if (i >= 0) {
      return percents[i];
    }
    int hi = -i - 1;
    if (hi >= times.length) {
      return percents[percents.length - 1];
    }
    int lo = hi - 1;
    double f = (running - times[lo]) / (times[hi] - times[lo]);
    return percents[lo] + f * (percents[hi] - percents[lo]);
  }

  /** The snapshot a poll sees. */
  record Snapshot(String id, JobState state, String rawStatus, Integer percent)
      implements JobSnapshot {
    @Override
    public Optional<Progress> progress() {
      return percent == null ? Optional.empty() : Optional.of(Progress.of(percent, null));
    }
  }
}
