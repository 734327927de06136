package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jobsdk.core.JobInterruptedException;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BlockingPollerTest extends AbstractPollerContractTest {

  @Override
  <S extends JobSnapshot> S await(
      String id, Supplier<S> poll, PollingPolicy policy, ProgressListener<? super S> listener) {
    return poller.await(id, poll, policy, listener);
  }

  @Test
  void interrupt_stopsPolling_andRestoresTheInterruptFlag() {
    ScriptedJob job = new ScriptedJob("j", time.clock(), Duration.ZERO, Duration.ofHours(1), JobState.SUCCEEDED);
    Thread.currentThread().interrupt();
    try {
      Throwable thrown = catchThrowable(() -> poller.await("j", job, POLICY, null));
      assertThat(thrown).isInstanceOf(JobInterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    time.advance(Duration.ofHours(2));
    assertThat(job.polls).hasValue(0);
  }

  @Test
  void interruptDuringTheWait_carriesWhatTheWaitHadSeen() {
    ScriptedJob job = new ScriptedJob("j", time.clock(), Duration.ZERO, Duration.ofHours(1), JobState.SUCCEEDED);
    Supplier<dev.jobsdk.core.TestJob> interruptingAtPoll3 = () -> {
      dev.jobsdk.core.TestJob t = job.get();
      if (job.polls.get() == 3) {
        Thread.currentThread().interrupt();
      }
      return t;
    };
    try {
      Throwable thrown = catchThrowable(() -> poller.await("j", interruptingAtPoll3, POLICY, null));
      assertThat(thrown).isInstanceOf(JobInterruptedException.class);
      JobInterruptedException e = (JobInterruptedException) thrown;
      assertThat(e.polls()).isEqualTo(3);
      assertThat(e.lastSnapshot()).isPresent();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    time.advance(Duration.ofHours(2));
    assertThat(job.polls).hasValue(3);
  }
}
