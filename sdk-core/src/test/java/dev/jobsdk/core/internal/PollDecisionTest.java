package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.core.ApiConnectionException;
import dev.jobsdk.core.Backoff;
import dev.jobsdk.core.ErrorDetails;
import dev.jobsdk.core.JobCancelledException;
import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.JobStalledException;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.JobTimeoutException;
import dev.jobsdk.core.NotFoundException;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.PollingPolicy.Jitter;
import dev.jobsdk.core.ServerException;
import dev.jobsdk.core.TestJob;
import dev.jobsdk.core.UnexpectedJobStatusException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollDecisionTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static PollingPolicy.Builder fixed() {
    return PollingPolicy.builder().jitter(Jitter.NONE);
  }

  private static Duration delay(PollDecision.Outcome o) {
    assertThat(o).isInstanceOf(PollDecision.Continue.class);
    return ((PollDecision.Continue) o).delay();
  }

  private static RuntimeException failure(PollDecision.Outcome o) {
    assertThat(o).isInstanceOf(PollDecision.Fail.class);
    return ((PollDecision.Fail) o).error();
  }

  private static ServerException unavailable(Duration retryAfter) {
    return new ServerException(new ErrorDetails(503, "GET", "/j", null, "down", null, retryAfter, null));
  }

  @Test
  void backoff_noJitter_growsByMultiplierUntilMaxInterval() {
    PollingPolicy policy =
        fixed().interval(Duration.ofSeconds(2)).multiplier(2).maxInterval(Duration.ofSeconds(10)).build();
    PollDecision d = new PollDecision("j", policy, T0, () -> 0.5);
    Instant now = T0;
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Duration next = delay(d.onSnapshot(TestJob.running("j", i), now));
      delays.add(next);
      now = now.plus(next);
    }
    assertThat(delays)
        .containsExactly(
            Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
            Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(10));
  }

  @Test
  void firstDelay_isTheInitialDelay() {
    PollingPolicy policy = fixed().initialDelay(Duration.ofSeconds(3)).build();
    assertThat(new PollDecision("j", policy, T0, () -> 0).firstDelay()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void customBackoff_isAskedWithThePollCountAndElapsedTime_andCappedAtMaxInterval() {
    List<String> asked = new ArrayList<>();
    PollingPolicy policy = fixed().maxInterval(Duration.ofSeconds(30))
        .backoff(a -> {
          asked.add(a.number() + "@" + a.elapsed().toSeconds());
          return Duration.ofSeconds(a.number() * 20L);
        }).build();
    PollDecision d = new PollDecision("j", policy, T0, () -> 0.5);
    assertThat(delay(d.onSnapshot(TestJob.running("j", 1), T0))).isEqualTo(Duration.ofSeconds(20));
    assertThat(delay(d.onSnapshot(TestJob.running("j", 2), T0.plusSeconds(20)))).isEqualTo(Duration.ofSeconds(30));
    assertThat(asked).containsExactly("1@0", "2@20");
  }

  @Test
  void progressHistory_keepsPlateauEnds_andStaysBoundedOverALongWait() {
    PollDecision d = new PollDecision("j", fixed().totalTimeout(Duration.ofDays(2)).build(), T0, () -> 0.5);
    for (int s = 0; s <= 40; s += 10) {
      d.onSnapshot(TestJob.running("j", 30), T0.plusSeconds(s));
    }
    d.onSnapshot(TestJob.of("j", JobState.RUNNING), T0.plusSeconds(45));
    assertThat(d.progressHistory())
        .containsExactly(
            new Backoff.ProgressSample(Duration.ZERO, 30), new Backoff.ProgressSample(Duration.ofSeconds(40), 30));

    for (int s = 50; s < 100_000; s += 5) {
      d.onSnapshot(TestJob.running("j", (s / 5) % 2 == 0 ? 40 : 41), T0.plusSeconds(s));
    }
    List<Backoff.ProgressSample> history = d.progressHistory();
    assertThat(history).hasSizeLessThanOrEqualTo(PollDecision.MAX_PROGRESS_SAMPLES);
    assertThat(history.get(0).elapsed()).isZero();
    assertThat(history.get(history.size() - 1).elapsed()).isEqualTo(Duration.ofSeconds(99_995));
    assertThat(history).isSortedAccordingTo((a, b) -> a.elapsed().compareTo(b.elapsed()));
  }

  @Test
  void terminalStates_endTheWait() {
    PollingPolicy policy = fixed().build();
    TestJob done = TestJob.of("j", JobState.SUCCEEDED);
    assertThat(new PollDecision("j", policy, T0, () -> 0).onSnapshot(done, T0))
        .isEqualTo(new PollDecision.Done(done));

    RuntimeException failed =
        failure(new PollDecision("j", policy, T0, () -> 0).onSnapshot(TestJob.failed("j", "boom"), T0));
    assertThat(failed).isInstanceOf(JobFailedException.class).hasMessageContaining("boom");
    assertThat(((JobFailedException) failed).snapshot().id()).isEqualTo("j");

    RuntimeException cancelled =
        failure(new PollDecision("j", policy, T0, () -> 0).onSnapshot(TestJob.of("j", JobState.CANCELLED), T0));
    assertThat(cancelled).isInstanceOf(JobCancelledException.class);
  }

  @Test
  void unknownStatus_keepsPollingByDefault_andFailsWhenThePolicySaysSo() {
    TestJob weird = new TestJob("j", JobState.UNKNOWN, "paused_for_review", null, null);
    assertThat(new PollDecision("j", fixed().build(), T0, () -> 0).onSnapshot(weird, T0))
        .isInstanceOf(PollDecision.Continue.class);
    PollingPolicy strict = fixed().unknownStatus(PollingPolicy.UnknownStatus.FAIL).build();
    assertThat(failure(new PollDecision("j", strict, T0, () -> 0).onSnapshot(weird, T0)))
        .isInstanceOf(UnexpectedJobStatusException.class)
        .hasMessageContaining("paused_for_review");
  }

  @Test
  void totalTimeout_lastPollIsAtTheDeadline_thenTimesOutWithTheLastSnapshot() {
    PollingPolicy policy =
        fixed().interval(Duration.ofSeconds(4)).multiplier(1).totalTimeout(Duration.ofSeconds(10)).build();
    PollDecision d = new PollDecision("j", policy, T0, () -> 0);
    assertThat(delay(d.onSnapshot(TestJob.running("j", 1), T0))).isEqualTo(Duration.ofSeconds(4));
    assertThat(delay(d.onSnapshot(TestJob.running("j", 2), T0.plusSeconds(4)))).isEqualTo(Duration.ofSeconds(4));
    assertThat(delay(d.onSnapshot(TestJob.running("j", 3), T0.plusSeconds(8)))).isEqualTo(Duration.ofSeconds(2));
    RuntimeException e = failure(d.onSnapshot(TestJob.running("j", 4), T0.plusSeconds(10)));
    assertThat(e).isInstanceOf(JobTimeoutException.class);
    JobTimeoutException timeout = (JobTimeoutException) e;
    assertThat(timeout.limit()).isEqualTo(JobTimeoutException.Limit.TOTAL_TIMEOUT);
    assertThat(timeout.polls()).isEqualTo(4);
    assertThat(timeout.elapsed()).isEqualTo(Duration.ofSeconds(10));
    assertThat(timeout.lastSnapshot(TestJob.class)).contains(TestJob.running("j", 4));
  }

  @Test
  void maxPolls_endsTheWaitAfterThatManyPolls() {
    PollingPolicy policy = fixed().maxPolls(3).build();
    PollDecision d = new PollDecision("j", policy, T0, () -> 0);
    d.onSnapshot(TestJob.running("j", 1), T0);
    d.onSnapshot(TestJob.running("j", 2), T0.plusSeconds(2));
    RuntimeException e = failure(d.onSnapshot(TestJob.running("j", 3), T0.plusSeconds(5)));
    assertThat(((JobTimeoutException) e).limit()).isEqualTo(JobTimeoutException.Limit.MAX_POLLS);
  }

  @Test
  void stall_noChangeForTheStallTimeout_ends_butProgressResetsIt() {
    PollingPolicy policy =
        fixed().interval(Duration.ofSeconds(10)).multiplier(1).stallTimeout(Duration.ofSeconds(25)).build();
    PollDecision d = new PollDecision("j", policy, T0, () -> 0);
    d.onSnapshot(TestJob.running("j", 10), T0);
    d.onSnapshot(TestJob.running("j", 10), T0.plusSeconds(10));
    // progress moved: the stall clock restarts at t=20
    assertThat(delay(d.onSnapshot(TestJob.running("j", 11), T0.plusSeconds(20)))).isEqualTo(Duration.ofSeconds(10));
    assertThat(delay(d.onSnapshot(TestJob.running("j", 11), T0.plusSeconds(30)))).isEqualTo(Duration.ofSeconds(10));
    // the next poll is pulled forward to the stall deadline (t=45)
    assertThat(delay(d.onSnapshot(TestJob.running("j", 11), T0.plusSeconds(40)))).isEqualTo(Duration.ofSeconds(5));
    RuntimeException e = failure(d.onSnapshot(TestJob.running("j", 11), T0.plusSeconds(45)));
    assertThat(e).isInstanceOf(JobStalledException.class);
    assertThat(((JobStalledException) e).unchangedFor()).isEqualTo(Duration.ofSeconds(25));
  }

  @Test
  void errorBudget_transientErrorsInARowEndTheWaitWithTheLastError() {
    PollingPolicy policy = fixed().maxConsecutiveErrors(3).build();
    PollDecision d = new PollDecision("j", policy, T0, () -> 0);
    ServerException e1 = unavailable(null);
    assertThat(d.onError(e1, T0)).isInstanceOf(PollDecision.Continue.class);
    assertThat(d.onError(e1, T0.plusSeconds(2))).isInstanceOf(PollDecision.Continue.class);
    // a success resets the budget
    d.onSnapshot(TestJob.running("j", 5), T0.plusSeconds(5));
    ApiConnectionException c = new ApiConnectionException("GET /j failed: reset", null, false);
    assertThat(d.onError(c, T0.plusSeconds(8))).isInstanceOf(PollDecision.Continue.class);
    assertThat(d.onError(c, T0.plusSeconds(10))).isInstanceOf(PollDecision.Continue.class);
    assertThat(failure(d.onError(c, T0.plusSeconds(12)))).isSameAs(c);
  }

  @Test
  void nonTransientError_endsTheWaitAtOnce() {
    NotFoundException notFound =
        new NotFoundException(new ErrorDetails(404, "GET", "/j", null, "gone", null, null, null));
    PollDecision d = new PollDecision("j", fixed().build(), T0, () -> 0);
    assertThat(failure(d.onError(notFound, T0))).isSameAs(notFound);
  }

  @Test
  void retryAfter_isHonouredWithinTheClamp() {
    PollingPolicy policy =
        fixed().retryAfterClamp(Duration.ofSeconds(1), Duration.ofSeconds(30)).maxConsecutiveErrors(10).build();
    PollDecision d = new PollDecision("j", policy, T0, () -> 0);
    assertThat(delay(d.onError(unavailable(Duration.ofSeconds(7)), T0))).isEqualTo(Duration.ofSeconds(7));
    assertThat(delay(d.onError(unavailable(Duration.ofMillis(10)), T0))).isEqualTo(Duration.ofSeconds(1));
    assertThat(delay(d.onError(unavailable(Duration.ofHours(2)), T0))).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void changeKey_isEqualOnlyForSameStateStatusAndProgress() {
    assertThat(PollDecision.changeKey(TestJob.running("j", 5))).isEqualTo(PollDecision.changeKey(TestJob.running("j", 5)));
    assertThat(PollDecision.changeKey(TestJob.running("j", 5))).isNotEqualTo(PollDecision.changeKey(TestJob.running("j", 6)));
    assertThat(PollDecision.changeKey(TestJob.of("j", JobState.PENDING)))
        .isNotEqualTo(PollDecision.changeKey(TestJob.of("j", JobState.RUNNING)));
  }
}
