package dev.jobsdk.examples;

import dev.jobsdk.core.Cancellable;
import dev.jobsdk.core.JobScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler on sped-up time, for running against a mock server whose clock runs {@code scale}
 * times faster than real time: every delay is {@code scale} times shorter, and the clock is the
 * mock's, so timeouts and token expiry agree with the server. For demos; real clients use the
 * default scheduler.
 */
public final class AcceleratedScheduler implements JobScheduler, AutoCloseable {
  private final Clock clock;
  private final double scale;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("jobsdk-demo-timer"));
  private final ExecutorService workers = Executors.newFixedThreadPool(16, daemon("jobsdk-demo-poll"));

  /**
   * Creates the scheduler.
   *
   * @param clock the sped-up clock (the mock server's)
   * @param scale how many times faster than real time it runs
   */
  public AcceleratedScheduler(Clock clock, double scale) {
    this.clock = clock;
    this.scale = scale;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private long realNanos(Duration d) {
    return d.isNegative() ? 0 : (long) (d.toNanos() / scale);
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> f =
        timer.schedule(() -> workers.execute(task), realNanos(delay), TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    TimeUnit.NANOSECONDS.sleep(realNanos(duration));
  }

  @Override
  public <T> T await(CompletableFuture<T> future) throws InterruptedException, ExecutionException {
    return future.get();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    workers.shutdownNow();
  }
}
