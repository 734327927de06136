package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import dev.jobsdk.core.TestJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AsyncPollerTest extends AbstractPollerContractTest {

  @Override
  <S extends JobSnapshot> S await(
      String id, Supplier<S> poll, PollingPolicy policy, ProgressListener<? super S> listener) {
    CompletableFuture<S> future = poller.awaitAsync(id, poll, policy, listener);
    try {
      return time.await(future);
    } catch (ExecutionException e) {
      throw Poller.unwrap(e.getCause());
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void awaitAsync_returnsAtOnce_withoutPolling() {
    ScriptedJob job = new ScriptedJob("j", time.clock(), Duration.ZERO, Duration.ofMinutes(1), JobState.SUCCEEDED);
    CompletableFuture<TestJob> f = poller.awaitAsync("j", job, POLICY, null);
    assertThat(f).isNotDone();
    assertThat(job.polls).hasValue(0);
    time.advance(Duration.ofMinutes(2));
    assertThat(f).isCompletedWithValueMatching(t -> t.state() == JobState.SUCCEEDED);
  }

  @Test
  void cancellingTheFuture_stopsPolling_noRequestAfterwards() {
    ScriptedJob job = new ScriptedJob("j", time.clock(), Duration.ZERO, Duration.ofHours(1), JobState.SUCCEEDED);
    List<TestJob> heard = new ArrayList<>();
    CompletableFuture<TestJob> f = poller.awaitAsync("j", job, POLICY, heard::add);
    time.advance(Duration.ofSeconds(30));
    int pollsBeforeCancel = job.polls.get();
    int heardBeforeCancel = heard.size();
    assertThat(pollsBeforeCancel).isGreaterThan(3);
    assertThat(f.cancel(true)).isTrue();
    time.advance(Duration.ofHours(3));
    assertThat(job.polls).hasValue(pollsBeforeCancel);
    assertThat(heard).hasSize(heardBeforeCancel);
    assertThat(time.pendingTasks()).isZero();
    assertThat(f).isCancelled();
  }

  @Test
  void manyConcurrentWaits_shareOneScheduler() {
    List<CompletableFuture<TestJob>> futures = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ScriptedJob job = new ScriptedJob("j" + i, time.clock(), Duration.ofSeconds(i % 7), Duration.ofSeconds(10 + i % 50), JobState.SUCCEEDED);
      futures.add(poller.awaitAsync(job.id, job, POLICY, null));
    }
    time.advance(Duration.ofMinutes(5));
    assertThat(futures).allSatisfy(f -> assertThat(f).isCompletedWithValueMatching(t -> t.state() == JobState.SUCCEEDED));
  }
}
