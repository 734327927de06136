package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.core.AwaitAllOptions;
import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.JobGroup;
import dev.jobsdk.core.JobGroupListener;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.JobOutcome;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.JobTimeoutException;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.TestJob;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Await-many on virtual time: completion order, per-job failures, one listener, deadline, cancel. */
@Timeout(10)
class JobGroupTest {
  static final PollingPolicy EVERY_2S =
      PollingPolicy.builder()
          .initialDelay(Duration.ZERO)
          .interval(Duration.ofSeconds(2))
          .multiplier(1)
          .maxInterval(Duration.ofSeconds(2))
          .jitter(PollingPolicy.Jitter.NONE)
          .totalTimeout(Duration.ofHours(2))
          .build();

  final VirtualScheduler time = VirtualScheduler.create();
  final Poller poller = new Poller(time, () -> 0.5);
  final Map<String, ScriptedJob> jobs = new HashMap<>();

  /** A handle on a job that runs {@code seconds} and then ends in {@code outcome}. */
  JobHandle<TestJob, TestJob> job(String id, int seconds, JobState outcome) {
    ScriptedJob job = new ScriptedJob(id, time.clock(), Duration.ZERO, Duration.ofSeconds(seconds), outcome);
    jobs.put(id, job);
    return new DefaultJobHandle<>(
        id,
        job,
        (policy, listener) -> poller.await(id, job, policy != null ? policy : EVERY_2S, listener),
        (policy, listener) -> poller.awaitAsync(id, job, policy != null ? policy : EVERY_2S, listener));
  }

  JobGroup<TestJob, TestJob> start(List<JobHandle<TestJob, TestJob>> handles, AwaitAllOptions options,
      JobGroupListener<TestJob, TestJob> listener) {
    return DefaultJobGroup.start(time, EVERY_2S, handles, options, listener);
  }

  @Test
  void outcomes_comeInCompletionOrder_andAFailedJobIsThatJobsOutcome() {
    List<String> heardOutcomes = new ArrayList<>();
    List<String> heardProgress = new ArrayList<>();
    JobGroupListener<TestJob, TestJob> listener =
        new JobGroupListener<>() {
          @Override
          public void onProgress(TestJob snapshot) {
            heardProgress.add(snapshot.id());
          }

          @Override
          public void onOutcome(JobOutcome<TestJob, TestJob> outcome) {
            heardOutcomes.add(outcome.jobId() + ":" + outcome.status());
          }
        };
    JobGroup<TestJob, TestJob> group =
        start(
            List.of(job("slow", 31, JobState.SUCCEEDED), job("broken", 11, JobState.FAILED),
                job("medium", 21, JobState.SUCCEEDED), job("quick", 5, JobState.SUCCEEDED)),
            AwaitAllOptions.defaults(), listener);

    List<String> order = new ArrayList<>();
    List<Instant> at = new ArrayList<>();
    for (JobOutcome<TestJob, TestJob> outcome : group) {
      order.add(outcome.jobId());
      at.add(time.now());
      if (outcome.jobId().equals("broken")) {
        assertThat(outcome.status()).isEqualTo(JobOutcome.Status.FAILED);
        assertThat(outcome.failure()).get().isInstanceOf(JobFailedException.class);
        assertThatThrownBy(outcome::resultOrThrow).isInstanceOf(JobFailedException.class)
            .hasMessageContaining("upstream timeout");
      } else {
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.resultOrThrow().state()).isEqualTo(JobState.SUCCEEDED);
      }
    }
    assertThat(order).containsExactly("quick", "broken", "medium", "slow");
    // Each outcome is yielded as its job ends, not when the set ends.
    assertThat(Duration.between(VirtualScheduler.DEFAULT_START, at.get(0))).isLessThan(Duration.ofSeconds(8));
    assertThat(heardOutcomes).containsExactly("quick:SUCCEEDED", "broken:FAILED", "medium:SUCCEEDED", "slow:SUCCEEDED");
    assertThat(heardProgress).contains("quick", "broken", "medium", "slow");
    assertThat(group.remaining()).isZero();
    assertThat(group.allDone()).isCompletedWithValueMatching(l -> l.size() == 4);
  }

  @Test
  void stream_yieldsEveryOutcome_inCompletionOrder() {
    JobGroup<TestJob, TestJob> group =
        start(List.of(job("b", 9, JobState.SUCCEEDED), job("a", 3, JobState.SUCCEEDED), job("c", 15, JobState.CANCELLED)),
            AwaitAllOptions.defaults(), JobGroupListener.none());
    assertThat(group.stream().map(o -> o.jobId() + ":" + o.status()))
        .containsExactly("a:SUCCEEDED", "b:SUCCEEDED", "c:FAILED");
  }

  @Test
  void deadline_endsTheWaitsStillGoing_withJobTimeoutException_atTheDeadline() {
    JobGroup<TestJob, TestJob> group =
        start(List.of(job("short", 10, JobState.SUCCEEDED), job("long", 3600, JobState.SUCCEEDED)),
            AwaitAllOptions.builder().deadline(Duration.ofMinutes(1)).build(), JobGroupListener.none());
    List<JobOutcome<TestJob, TestJob>> outcomes = group.stream().toList();
    assertThat(outcomes.get(0).jobId()).isEqualTo("short");
    assertThat(outcomes.get(0).succeeded()).isTrue();
    JobOutcome<TestJob, TestJob> timedOut = outcomes.get(1);
    assertThat(timedOut.jobId()).isEqualTo("long");
    assertThat(timedOut.failure()).get().isInstanceOfSatisfying(JobTimeoutException.class,
        e -> assertThat(e.lastSnapshot()).isPresent());
    Duration elapsed = Duration.between(VirtualScheduler.DEFAULT_START, time.now());
    assertThat(elapsed).isBetween(Duration.ofMinutes(1), Duration.ofMinutes(1).plusSeconds(3));
    int polls = jobs.get("long").polls.get();
    time.advance(Duration.ofHours(1));
    assertThat(jobs.get("long").polls).as("no poll after the deadline").hasValue(polls);
  }

  @Test
  void cancelAll_stopsEveryWaitLeft_andTheirOutcomesAreCancelled() {
    JobGroup<TestJob, TestJob> group =
        start(List.of(job("x", 4, JobState.SUCCEEDED), job("y", 600, JobState.SUCCEEDED), job("z", 900, JobState.SUCCEEDED)),
            AwaitAllOptions.defaults(), JobGroupListener.none());
    JobOutcome<TestJob, TestJob> first = group.iterator().next();
    assertThat(first.jobId()).isEqualTo("x");
    time.advance(Duration.ofSeconds(30));
    int yPolls = jobs.get("y").polls.get();
    group.cancelAll();
    List<JobOutcome<TestJob, TestJob>> rest = group.stream().toList();
    assertThat(rest).extracting(JobOutcome::jobId).containsExactlyInAnyOrder("y", "z");
    assertThat(rest).allSatisfy(o -> {
      assertThat(o.status()).isEqualTo(JobOutcome.Status.CANCELLED);
      assertThatThrownBy(o::resultOrThrow).isInstanceOf(CancellationException.class);
    });
    time.advance(Duration.ofHours(1));
    assertThat(jobs.get("y").polls).hasValue(yPolls);
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void policyOfTheOptions_isUsedForEveryWait() {
    PollingPolicy every10s = EVERY_2S.toBuilder().interval(Duration.ofSeconds(10)).maxInterval(Duration.ofSeconds(10)).build();
    JobGroup<TestJob, TestJob> group =
        start(List.of(job("p", 35, JobState.SUCCEEDED)), AwaitAllOptions.builder().policy(every10s).build(),
            JobGroupListener.none());
    group.stream().toList();
    assertThat(jobs.get("p").polls).hasValue(5);
  }

  @Test
  void emptySet_isDoneAtOnce_andBadArgumentsAreNamed() {
    JobGroup<TestJob, TestJob> empty = start(List.of(), AwaitAllOptions.defaults(), JobGroupListener.none());
    assertThat(empty.iterator().hasNext()).isFalse();
    assertThat(empty.allDone()).isCompletedWithValue(List.of());
    List<JobHandle<TestJob, TestJob>> withNull = Arrays.asList(job("ok", 1, JobState.SUCCEEDED), null);
    assertThatThrownBy(() -> start(withNull, AwaitAllOptions.defaults(), JobGroupListener.none()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("jobs[1] must not be null");
    assertThatThrownBy(() -> AwaitAllOptions.builder().deadline(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("deadline must be positive");
  }
}
