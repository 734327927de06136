package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jobsdk.core.Backoff.ProgressSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The estimator on recorded progress traces: percentages as a poll every 15 s saw them on
 * simulated DeepCurrent jobs (the polling benchmark's BD and growth mixes), with the true end.
 */
class EtaEstimatorTest {

  /** A recorded trace: the reading of each poll, 15 s apart from t = 0, and when the job ended. */
  record Trace(String name, double end, int... percents) {
    List<ProgressSample> upTo(int polls) {
      List<ProgressSample> samples = new ArrayList<>();
      for (int i = 0; i < polls; i++) {
        samples.add(new ProgressSample(Duration.ofSeconds(15L * i), percents[i]));
      }
      return samples;
    }

    Duration at(int polls) {
      return Duration.ofSeconds(15L * (polls - 1));
    }
  }

  /** Roughly linear with noise; a small stall between 75 s and 165 s. */
  static final Trace BD_LINEAR = new Trace("bd-1", 307.0,
      0, 4, 10, 20, 28, 29, 33, 34, 37, 37, 38, 41, 49, 58, 67, 75, 80, 87, 93, 96, 97);

  /** A stall at 25 % in the first half, then a faster second half. */
  static final Trace BD_SPEEDS_UP = new Trace("bd-30", 302.6,
      0, 1, 5, 10, 15, 19, 22, 25, 24, 25, 25, 30, 35, 41, 48, 54, 56, 69, 79, 89, 98);

  /** A 12-minute job with a long stall at 66-68 %. */
  static final Trace BD_LONG_STALL = new Trace("bd-66", 723.4,
      0, 1, 1, 2, 3, 6, 5, 8, 11, 15, 19, 21, 24, 26, 28, 29, 31, 31, 35, 37, 36, 37, 39, 40, 42, 43,
      46, 48, 49, 52, 54, 57, 60, 64, 66, 68, 68, 66, 67, 66, 69, 70, 73, 76, 77, 81, 83, 85, 88);

  /** A stall at 59-60 % for two minutes in a nine-minute job. */
  static final Trace BD_MID_STALL = new Trace("bd-97", 558.7,
      0, 1, 1, 2, 5, 6, 8, 11, 13, 17, 18, 20, 22, 25, 30, 33, 37, 42, 50, 58, 60, 61, 59, 59, 59,
      59, 60, 60, 62, 63, 66, 68, 77, 81, 82, 86, 92, 97);

  /** A growth run whose stages report only when they complete: 10 %, then 61 %, then 91 %. */
  static final Trace GROWTH_STAGES = new Trace("growth-29", 332.8,
      0, 1, 1, 9, 10, 9, 10, 10, 10, 10, 9, 11, 11, 61, 61, 62, 60, 60, 60, 60, 58, 91, 91);

  static Optional<EtaEstimator.Estimate> estimate(Trace trace, int polls) {
    return EtaEstimator.estimate(trace.upTo(polls), trace.at(polls));
  }

  static double estimatedEnd(Trace trace, int polls) {
    return trace.at(polls).toSeconds() + estimate(trace, polls).orElseThrow().remaining();
  }

  static List<ProgressSample> samples(int stepSeconds, int... percents) {
    List<ProgressSample> samples = new ArrayList<>();
    for (int i = 0; i < percents.length; i++) {
      samples.add(new ProgressSample(Duration.ofSeconds((long) stepSeconds * i), percents[i]));
    }
    return samples;
  }

  @Test
  void exactLine_estimatesTheEndExactly() {
    // 1 % every 3 s: 50 % at 150 s, so 150 s left
    var e = EtaEstimator.estimate(samples(30, 0, 10, 20, 30, 40, 50), Duration.ofSeconds(150));
    assertThat(e).hasValueSatisfying(v -> {
      assertThat(v.remaining()).isCloseTo(150, within(0.001));
      assertThat(v.percentPerSecond()).isCloseTo(1 / 3.0, within(1e-9));
    });
    // asked 20 s after the last reading, the same end is 130 s away
    assertThat(EtaEstimator.estimate(samples(30, 0, 10, 20, 30, 40, 50), Duration.ofSeconds(170)).orElseThrow().remaining())
        .isCloseTo(130, within(0.001));
  }

  @Test
  void timeQueuedAtZeroPercent_isLeftOutOfTheFit() {
    // queued at 0 % for 120 s, then 1 % every 2 s: the end is at 320 s
    var e = EtaEstimator.estimate(samples(30, 0, 0, 0, 0, 0, 15, 30, 45), Duration.ofSeconds(210));
    assertThat(e.orElseThrow().remaining()).isCloseTo(110, within(2.0));
  }

  @Test
  void tooLittleOrFlatOrErraticHistory_givesNoEstimate() {
    assertThat(EtaEstimator.estimate(List.of(), Duration.ZERO)).isEmpty();
    assertThat(EtaEstimator.estimate(samples(10, 20, 30), Duration.ofSeconds(10))).as("two readings").isEmpty();
    assertThat(EtaEstimator.estimate(samples(10, 40, 40, 41, 41), Duration.ofSeconds(30))).as("a 1-point rise").isEmpty();
    assertThat(EtaEstimator.estimate(samples(10, 30, 30, 30, 30, 30), Duration.ofSeconds(40))).as("flat").isEmpty();
    assertThat(EtaEstimator.estimate(samples(10, 60, 50, 40, 30), Duration.ofSeconds(30))).as("falling").isEmpty();
    assertThat(EtaEstimator.estimate(samples(10, 1, 50, 5, 60, 10, 70, 15, 80, 20), Duration.ofSeconds(80)))
        .as("erratic").isEmpty();
    assertThat(EtaEstimator.estimate(samples(10, 30, 35, 40, 0, 0), Duration.ofSeconds(40)))
        .as("restarted at 0 %").isEmpty();
  }

  @Test
  void recordedBdTraces_closeToTheEnd_estimateItWithinSeconds() {
    for (Trace trace : List.of(BD_LINEAR, BD_SPEEDS_UP, BD_MID_STALL)) {
      int last = trace.percents.length;
      assertThat(estimatedEnd(trace, last)).as(trace.name()).isCloseTo(trace.end(), within(15.0));
    }
  }

  @Test
  void recordedBdTraces_neverPutTheEndSoFarOutThatAFifthOfItOvershoots() {
    // The progress-aware backoff waits a fifth of the estimated time left: an estimate more than
    // five times the true time left would poll after the end.
    for (Trace trace : List.of(BD_LINEAR, BD_SPEEDS_UP, BD_MID_STALL)) {
      int estimates = 0;
      for (int polls = trace.percents.length / 3; polls <= trace.percents.length; polls++) {
        Optional<EtaEstimator.Estimate> e = estimate(trace, polls);
        if (e.isPresent()) {
          estimates++;
          double trueLeft = trace.end() - trace.at(polls).toSeconds();
          assertThat(e.get().remaining() * ProgressAwareBackoff.AHEAD)
              .as("%s after %d polls", trace.name(), polls)
              .isLessThanOrEqualTo(trueLeft + 2);
        }
      }
      assertThat(estimates).as(trace.name()).isGreaterThan(trace.percents.length / 2);
    }
  }

  @Test
  void recordedStall_pushesTheEstimatedEndBack() {
    // BD_LONG_STALL sits at 66-68 % from poll 35 to poll 41
    assertThat(estimatedEnd(BD_LONG_STALL, 41)).isGreaterThan(estimatedEnd(BD_LONG_STALL, 35) + 60);
  }

  @Test
  void recordedGrowthStages_aPlateauPushesTheEndBack_andTheJumpAfterItIsNoBasisForAnEstimate() {
    // at 10 % from poll 5 to poll 13, then 61 % at poll 14
    double before = estimatedEnd(GROWTH_STAGES, 6);
    assertThat(estimatedEnd(GROWTH_STAGES, 12)).isGreaterThan(before + 300);
    for (int polls = 14; polls <= 16; polls++) {
      assertThat(estimate(GROWTH_STAGES, polls)).as("after %d polls", polls).isEmpty();
    }
  }
}
