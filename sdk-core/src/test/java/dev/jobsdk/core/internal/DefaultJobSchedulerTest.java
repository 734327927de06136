package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DefaultJobSchedulerTest {

  @Test
  void tasksRunOnSharedDaemonWorkers_notOnTheTimerThread() throws Exception {
    try (DefaultJobScheduler scheduler = new DefaultJobScheduler()) {
      CompletableFuture<Thread> ran = new CompletableFuture<>();
      scheduler.schedule(Duration.ZERO, () -> ran.complete(Thread.currentThread()));
      Thread t = ran.get(5, TimeUnit.SECONDS);
      assertThat(t.isDaemon()).isTrue();
      assertThat(t.getName()).startsWith("jobsdk-poll-");
    }
  }

  @Test
  void cancelledTask_neverRuns() throws Exception {
    try (DefaultJobScheduler scheduler = new DefaultJobScheduler()) {
      CompletableFuture<String> cancelled = new CompletableFuture<>();
      scheduler.schedule(Duration.ofHours(1), () -> cancelled.complete("ran")).cancel();
      CompletableFuture<String> marker = new CompletableFuture<>();
      scheduler.schedule(Duration.ofMillis(1), () -> marker.complete("ok"));
      assertThat(scheduler.await(marker)).isEqualTo("ok");
      assertThat(cancelled).isNotDone();
    }
  }
}
