package dev.jobsdk.core.internal;

import dev.jobsdk.core.Cancellable;
import dev.jobsdk.core.JobScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real scheduler a client owns: one daemon timer thread that only hands due tasks on, polls
 * that run at most {@code maxConcurrentPolls} at a time (each on its own virtual thread on JDK 21
 * and later, on a pool of that many daemon platform threads on JDK 17, or on the user's executor),
 * and a separate completion executor on which wait futures complete, so user callbacks never run
 * on, or hold up, a poll thread.
 */
public final class DefaultJobScheduler implements JobScheduler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DefaultJobScheduler.class);

  /**
   * Default for the most polls in flight at once: about 2,200 polls/s at 100 ms of latency. On JDK
   * 17 each is a platform thread; this many leaves room under 256 for the JVM's and OkHttp's own.
   */
  public static final int DEFAULT_MAX_CONCURRENT_POLLS = 224;

  private final Clock clock;
  private final ScheduledThreadPoolExecutor timer;
  private final LimitedExecutor polls;
  private final ExecutorService ownedPollThreads;
  private final Executor completions;
  private final ExecutorService ownedCompletions;
  private final int maxConcurrentPolls;

  /** Creates a scheduler on the system UTC clock with the default concurrency and executors. */
  public DefaultJobScheduler() {
    this(Clock.systemUTC(), DEFAULT_MAX_CONCURRENT_POLLS, null, null);
  }

  /**
   * Creates a scheduler.
   *
   * @param clock the clock to report
   * @param maxConcurrentPolls the most polls in flight at once, positive
   * @param pollExecutor where polls run, or null for threads of the scheduler's own (virtual
   *     threads on JDK 21+, a pool of {@code maxConcurrentPolls} platform threads on 17)
   * @param completionExecutor where wait futures complete, or null for threads of the scheduler's
   *     own
   */
  public DefaultJobScheduler(
      Clock clock, int maxConcurrentPolls, Executor pollExecutor, Executor completionExecutor) {
    if (maxConcurrentPolls < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentPolls must be positive, was " + maxConcurrentPolls);
    }
    this.clock = clock;
    this.maxConcurrentPolls = maxConcurrentPolls;
    this.timer = new ScheduledThreadPoolExecutor(1, Threads.daemon("jobsdk-timer"));
    this.timer.setRemoveOnCancelPolicy(true);
    if (pollExecutor != null) {
      ownedPollThreads = null;
    } else {
      ExecutorService virtual = Threads.virtualPerTask("jobsdk-poll");
      ownedPollThreads =
          virtual != null ? virtual : Threads.platformPool("jobsdk-poll", maxConcurrentPolls);
    }
    this.polls =
        new LimitedExecutor(pollExecutor != null ? pollExecutor : ownedPollThreads, maxConcurrentPolls);
    if (completionExecutor != null) {
      ownedCompletions = null;
      completions = completionExecutor;
    } else {
      ExecutorService virtual = Threads.virtualPerTask("jobsdk-complete");
      // At most a few completions at once: a slow callback delays other callbacks, never polls.
      int completionThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
      ownedCompletions =
          virtual != null ? virtual : Threads.platformPool("jobsdk-complete", completionThreads);
      completions = virtual != null ? virtual : new LimitedExecutor(ownedCompletions, completionThreads);
    }
  }

  /**
   * Returns whether polls run on virtual threads of the scheduler's own.
   *
   * @return true on JDK 21+ unless the user gave a poll executor
   */
  public boolean virtualThreads() {
    return ownedPollThreads != null && Threads.virtualThreads();
  }

  /**
   * Returns the executor on which wait futures complete.
   *
   * @return the completion executor
   */
  public Executor completionExecutor() {
    return completions;
  }

  /**
   * Returns the most polls in flight at once.
   *
   * @return the limit
   */
  public int maxConcurrentPolls() {
    return maxConcurrentPolls;
  }

  /**
   * Returns how many polls run now.
   *
   * @return the count
   */
  public int pollsInFlight() {
    return polls.running();
  }

  /**
   * Returns how many due polls wait for a free slot.
   *
   * @return the count
   */
  public int pollsQueued() {
    return polls.queued();
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    long nanos = delay.isNegative() ? 0 : delay.toNanos();
    if (nanos == 0) {
      polls.execute(task);
      return () -> polls.remove(task);
    }
    ScheduledFuture<?> f = timer.schedule(() -> handOff(task), nanos, TimeUnit.NANOSECONDS);
    return () -> {
      if (!f.cancel(false)) {
        polls.remove(task);
      }
    };
  }

  private void handOff(Runnable task) {
    try {
      polls.execute(task);
    } catch (RejectedExecutionException e) {
      if (!timer.isShutdown()) {
        log.warn("The poll executor rejected a poll; that wait cannot go on: {}", e.toString());
      }
    }
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
   * Stops the timer and the scheduler's own threads; scheduled polls are dropped and later {@link
   * #schedule} calls are rejected (the client's poller ends its waits first). Completions already
   * handed to the scheduler's own completion executor still run. User executors are left alone.
   */
  @Override
  public void close() {
    timer.shutdownNow();
    if (ownedPollThreads != null) {
      ownedPollThreads.shutdownNow();
    }
    if (ownedCompletions != null) {
      ownedCompletions.shutdown();
    }
  }
}
