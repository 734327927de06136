package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jobsdk.core.ErrorDetails;
import dev.jobsdk.core.JobCancelledException;
import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.LogCapture;
import dev.jobsdk.core.JobTimeoutException;
import dev.jobsdk.core.NotFoundException;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import dev.jobsdk.core.ServerException;
import dev.jobsdk.core.TestJob;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The poller's behaviour, run once through the blocking and once through the async front end. */
@Timeout(10)
abstract class AbstractPollerContractTest {
  final VirtualScheduler time = VirtualScheduler.create();
  final Poller poller = new Poller(time, () -> 0.5);

  static final PollingPolicy POLICY =
      PollingPolicy.builder()
          .interval(Duration.ofSeconds(2))
          .multiplier(1.5)
          .maxInterval(Duration.ofSeconds(20))
          .jitter(PollingPolicy.Jitter.NONE)
          .totalTimeout(Duration.ofHours(1))
          .build();

  /** Waits for the job through the front end under test; rethrows the wait's exception. */
  abstract <S extends JobSnapshot> S await(
      String id, Supplier<S> poll, PollingPolicy policy, ProgressListener<? super S> listener);

  @Test
  void tenMinuteJob_isAwaitedInVirtualTime() {
    ScriptedJob job =
        new ScriptedJob("j1", time.clock(), Duration.ofSeconds(30), Duration.ofMinutes(10), JobState.SUCCEEDED);
    TestJob done = await("j1", job, POLICY, null);
    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(Duration.between(VirtualScheduler.DEFAULT_START, time.now()))
        .isGreaterThanOrEqualTo(Duration.ofMinutes(10).plusSeconds(30))
        .isLessThan(Duration.ofMinutes(11));
  }

  @Test
  void schedule_isExactlyAsConfigured() {
    ScriptedJob job =
        new ScriptedJob("j", time.clock(), Duration.ZERO, Duration.ofSeconds(40), JobState.SUCCEEDED);
    await("j", job, POLICY, null);
    assertThat(time.scheduledDelays())
        .containsExactly(
            Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500),
            Duration.ofMillis(6750), Duration.ofMillis(10125), Duration.ofMillis(15187).plusNanos(500_000));
    assertThat(job.polls).hasValue(7);
  }

  @Test
  void tenThousandPolls_inOneWait_doNotGrowTheStack() {
    AtomicInteger n = new AtomicInteger();
    int[] depth = new int[2];
    Supplier<TestJob> poll =
        () -> {
          int i = n.incrementAndGet();
          if (i == 1) {
            depth[0] = Thread.currentThread().getStackTrace().length;
          }
          if (i == 10_000) {
            depth[1] = Thread.currentThread().getStackTrace().length;
            return TestJob.of("j", JobState.SUCCEEDED);
          }
          return TestJob.running("j", i % 100);
        };
    PollingPolicy everySecond =
        POLICY.toBuilder().multiplier(1).interval(Duration.ofSeconds(1)).totalTimeout(Duration.ofDays(1)).build();
    assertThat(await("j", poll, everySecond, null).state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(n).hasValue(10_000);
    assertThat(depth[1]).isEqualTo(depth[0]);
  }

  @Test
  void listener_hearsEachChangeOnce_inOrder_endingWithTheTerminalSnapshot() {
    List<String> heard = new ArrayList<>();
    List<TestJob> script =
        List.of(
            TestJob.of("j", JobState.PENDING),
            TestJob.of("j", JobState.PENDING),
            TestJob.running("j", 10),
            TestJob.running("j", 10),
            TestJob.running("j", 10),
            TestJob.running("j", 60),
            TestJob.of("j", JobState.SUCCEEDED));
    AtomicInteger i = new AtomicInteger();
    await("j", () -> script.get(i.getAndIncrement()), POLICY,
        s -> heard.add(s.rawStatus() + s.progress().map(p -> "@" + p.percent().getAsInt()).orElse("")));
    assertThat(heard).containsExactly("pending", "running@10", "running@60", "succeeded");
    assertThat(i).hasValue(script.size());
  }

  @Test
  void listenerThatThrows_doesNotEndTheWait() {
    ScriptedJob job = new ScriptedJob("j", time.clock(), Duration.ZERO, Duration.ofSeconds(10), JobState.SUCCEEDED);
    try (LogCapture logs = LogCapture.of(Poller.class)) {
      TestJob done = await("j", job, POLICY, s -> { throw new IllegalStateException("listener bug"); });
      assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(logs.events()).isNotEmpty().allSatisfy(e -> {
        assertThat(e.level()).isEqualTo("WARN");
        assertThat(e.message()).isEqualTo("Progress listener for job j threw; the wait goes on");
        assertThat(e.thrown()).isEqualTo("listener bug");
      });
    }
  }

  @Test
  void failedJob_endsInJobFailedException_withTheLastSnapshot_andIsNotPolledAgain() {
    ScriptedJob job = new ScriptedJob("j", time.clock(), Duration.ZERO, Duration.ofSeconds(20), JobState.FAILED);
    List<JobSnapshot> heard = new ArrayList<>();
    Throwable thrown = catchThrowable(() -> await("j", job, POLICY, heard::add));
    assertThat(thrown).isInstanceOf(JobFailedException.class).hasMessageContaining("upstream timeout");
    JobFailedException failed = (JobFailedException) thrown;
    assertThat(failed.snapshot().errorMessage()).contains("upstream timeout");
    assertThat(failed.polls()).isEqualTo(job.polls.get());
    assertThat(heard.get(heard.size() - 1).state()).isEqualTo(JobState.FAILED);
    int polls = job.polls.get();
    time.advance(Duration.ofHours(2));
    assertThat(job.polls).hasValue(polls);
    assertThat(time.pendingTasks()).isZero();
  }

  @Test
  void cancelledJob_endsInJobCancelledException() {
    ScriptedJob job = new ScriptedJob("j", time.clock(), Duration.ZERO, Duration.ofSeconds(20), JobState.CANCELLED);
    assertThat(catchThrowable(() -> await("j", job, POLICY, null)))
        .isInstanceOf(JobCancelledException.class)
        .satisfies(e -> assertThat(((JobCancelledException) e).snapshot().state()).isEqualTo(JobState.CANCELLED));
  }

  @Test
  void unknownStatus_neverEndsTheWaitByDefault() {
    ScriptedJob real = new ScriptedJob("j", time.clock(), Duration.ZERO, Duration.ofMinutes(5), JobState.SUCCEEDED);
    Supplier<TestJob> poll =
        () -> {
          TestJob t = real.get();
          return t.state() == JobState.RUNNING ? new TestJob("j", JobState.UNKNOWN, "rebalancing", null, null) : t;
        };
    assertThat(await("j", poll, POLICY, null).state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(real.polls.get()).isGreaterThan(5);
  }

  @Test
  void nonTransientApiError_endsTheWaitWithThatException() {
    NotFoundException gone = new NotFoundException(new ErrorDetails(404, "GET", "/jobs/j", null, "Job not found", null, null, null));
    AtomicInteger n = new AtomicInteger();
    Supplier<TestJob> poll = () -> {
      if (n.incrementAndGet() == 3) {
        throw gone;
      }
      return TestJob.running("j", n.get());
    };
    assertThat(catchThrowable(() -> await("j", poll, POLICY, null))).isSameAs(gone);
    assertThat(n).hasValue(3);
  }

  @Test
  void transientErrors_arePolledThrough_usingRetryAfter() {
    AtomicInteger n = new AtomicInteger();
    ServerException busy = new ServerException(new ErrorDetails(503, "GET", "/jobs/j", null, "busy", null, Duration.ofSeconds(9), null));
    Supplier<TestJob> poll = () -> {
      int i = n.incrementAndGet();
      if (i == 2 || i == 3) {
        throw busy;
      }
      return i < 5 ? TestJob.running("j", i) : TestJob.of("j", JobState.SUCCEEDED);
    };
    assertThat(await("j", poll, POLICY, null).state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(time.scheduledDelays()).containsExactly(
        Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(9), Duration.ofSeconds(9), Duration.ofMillis(6750));
  }

  @Test
  void totalTimeout_endsInJobTimeoutException_notACancellation() {
    ScriptedJob job = new ScriptedJob("j", time.clock(), Duration.ZERO, Duration.ofHours(5), JobState.SUCCEEDED);
    PollingPolicy short10m = POLICY.toBuilder().totalTimeout(Duration.ofMinutes(10)).build();
    Throwable thrown = catchThrowable(() -> await("j", job, short10m, null));
    assertThat(thrown).isInstanceOf(JobTimeoutException.class);
    JobTimeoutException t = (JobTimeoutException) thrown;
    assertThat(t.elapsed()).isEqualTo(Duration.ofMinutes(10));
    assertThat(t.polls()).isEqualTo(job.polls.get());
    assertThat(t.lastSnapshot(TestJob.class)).get().extracting(TestJob::state).isEqualTo(JobState.RUNNING);
  }
}
