package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class DefaultJobSchedulerTest {

  @Test
  void tasksRunOnPollThreads_notOnTheTimerThread() throws Exception {
    try (DefaultJobScheduler scheduler = new DefaultJobScheduler()) {
      CompletableFuture<Thread> ran = new CompletableFuture<>();
      scheduler.schedule(Duration.ofMillis(1), () -> ran.complete(Thread.currentThread()));
      Thread t = ran.get(5, TimeUnit.SECONDS);
      assertThat(t.isDaemon()).isTrue();
      assertThat(t.getName()).startsWith("jobsdk-poll-");
    }
  }

  @Test
  void pollThreads_areVirtual_exactlyWhenTheJdkHasThem() throws Exception {
    boolean jdkHasVirtualThreads = Runtime.version().feature() >= 21;
    try (DefaultJobScheduler scheduler = new DefaultJobScheduler()) {
      assertThat(scheduler.virtualThreads()).isEqualTo(jdkHasVirtualThreads);
      CompletableFuture<String> ran = new CompletableFuture<>();
      scheduler.schedule(Duration.ZERO, () -> ran.complete(Thread.currentThread().toString()));
      assertThat(ran.get(5, TimeUnit.SECONDS).startsWith("VirtualThread"))
          .isEqualTo(jdkHasVirtualThreads);
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

  @Test
  void pollsInFlight_neverExceedTheConfiguredConcurrency_andQueuedOnesRunLater() throws Exception {
    ExecutorService userThreads = Executors.newCachedThreadPool();
    try (DefaultJobScheduler scheduler =
        new DefaultJobScheduler(Clock.systemUTC(), 3, userThreads, null)) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch threeRunning = new CountDownLatch(3);
      AtomicInteger running = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      CountDownLatch allDone = new CountDownLatch(10);
      for (int i = 0; i < 10; i++) {
        scheduler.schedule(
            Duration.ZERO,
            () -> {
              most.accumulateAndGet(running.incrementAndGet(), Math::max);
              threeRunning.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              running.decrementAndGet();
              allDone.countDown();
            });
      }
      assertThat(threeRunning.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(scheduler.pollsInFlight()).isEqualTo(3);
      assertThat(scheduler.pollsQueued()).isEqualTo(7);
      release.countDown();
      assertThat(allDone.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(most).hasValue(3);
    } finally {
      userThreads.shutdownNow();
    }
  }

  @Test
  void userExecutors_areUsed_andNotShutDownByClose() throws Exception {
    ExecutorService polls = Executors.newSingleThreadExecutor(r -> new Thread(r, "user-poll"));
    ExecutorService completions = Executors.newSingleThreadExecutor(r -> new Thread(r, "user-done"));
    try {
      DefaultJobScheduler scheduler = new DefaultJobScheduler(Clock.systemUTC(), 4, polls, completions);
      CompletableFuture<String> ran = new CompletableFuture<>();
      scheduler.schedule(Duration.ZERO, () -> ran.complete(Thread.currentThread().getName()));
      assertThat(ran.get(5, TimeUnit.SECONDS)).isEqualTo("user-poll");
      assertThat(scheduler.completionExecutor()).isSameAs(completions);
      scheduler.close();
      assertThat(polls.isShutdown()).isFalse();
      assertThat(completions.isShutdown()).isFalse();
    } finally {
      polls.shutdownNow();
      completions.shutdownNow();
    }
  }
}
