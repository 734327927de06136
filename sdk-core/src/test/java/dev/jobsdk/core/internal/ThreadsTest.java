package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JDK 17 poll pool: as few threads as the load needs, never more than its bound. */
@Timeout(30)
class ThreadsTest {

  @Test
  void platformPool_underLightLoad_reusesItsIdleThreads() throws Exception {
    ThreadPoolExecutor pool = Threads.platformPool("test-light", 50);
    try {
      for (int i = 0; i < 100; i++) {
        CountDownLatch done = new CountDownLatch(1);
        pool.execute(done::countDown);
        done.await();
      }
      // A pool that adds a thread per task until its core size would hold 50 here.
      assertThat(pool.getLargestPoolSize()).isLessThanOrEqualTo(5);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void platformPool_underABurst_neverPassesItsBound_andRunsEveryTask() throws Exception {
    ThreadPoolExecutor pool = Threads.platformPool("test-burst", 4);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch ran = new CountDownLatch(20);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    try {
      for (int i = 0; i < 20; i++) {
        pool.execute(
            () -> {
              threads.add(Thread.currentThread().getName());
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              ran.countDown();
            });
      }
      assertThat(pool.getPoolSize()).isEqualTo(4);
      assertThat(pool.getQueue()).hasSize(16);

      release.countDown();

      assertThat(ran.await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(pool.getLargestPoolSize()).isEqualTo(4);
      assertThat(threads).hasSize(4).allSatisfy(name -> assertThat(name).startsWith("test-burst-"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void platformPool_afterShutdown_rejectsTasks() {
    ThreadPoolExecutor pool = Threads.platformPool("test-shut", 2);
    pool.shutdown();

    assertThatThrownBy(() -> pool.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
  }
}
