package dev.jobsdk.core.internal;

import dev.jobsdk.core.Cancellable;
import dev.jobsdk.core.JobScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real scheduler a client owns: one daemon timer thread that only hands due tasks to a bounded
 * pool of daemon worker threads, where the (blocking) poll requests run.
 */
public final class DefaultJobScheduler implements JobScheduler, AutoCloseable {
  private static final int WORKERS = 16;

  private final Clock clock;
  private final ScheduledThreadPoolExecutor timer;
  private final ThreadPoolExecutor workers;

  /** Creates a scheduler on the system UTC clock. */
  public DefaultJobScheduler() {
    this(Clock.systemUTC());
  }

  /**
   * Creates a scheduler.
   *
   * @param clock the clock to report
   */
  public DefaultJobScheduler(Clock clock) {
    this.clock = clock;
    this.timer = new ScheduledThreadPoolExecutor(1, daemon("jobsdk-timer"));
    this.timer.setRemoveOnCancelPolicy(true);
    this.workers =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemon("jobsdk-poll"));
    this.workers.allowCoreThreadTimeOut(true);
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    long nanos = delay.isNegative() ? 0 : delay.toNanos();
    if (nanos == 0) {
      workers.execute(task);
      return () -> workers.remove(task);
    }
    ScheduledFuture<?> f = timer.schedule(() -> workers.execute(task), nanos, TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    TimeUnit.NANOSECONDS.sleep(duration.toNanos());
  }

  @Override
  public <T> T await(CompletableFuture<T> future) throws InterruptedException, ExecutionException {
    return future.get();
  }

  /**
   * Stops the timer and the workers; scheduled polls are dropped and later {@link #schedule} calls
   * are rejected (the client's poller ends its waits first).
   */
  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdownNow();
  }
}
