package dev.jobsdk.core.testing;

import dev.jobsdk.core.Cancellable;
import dev.jobsdk.core.JobScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A {@link dev.jobsdk.core.JobScheduler} on virtual time, for tests: nothing happens until the test
 * moves time, and then every due task runs on the calling thread, in time order.
 *
 * <p>A blocking {@code awaitCompletion} on a client built with a virtual scheduler drives time
 * itself: it jumps from one scheduled poll to the next, so a ten-minute job is awaited in
 * milliseconds, deterministically, without a single real sleep.
 *
 * <pre>{@code
 * VirtualScheduler time = VirtualScheduler.create();
 * try (MockJobServer server = MockJobServer.builder().clock(time.clock()).start()) {
 *   DeepCurrentClient client = DeepCurrentClient.builder()
 *       .baseUrl(server.deepCurrentBaseUrl()).apiKey("dc_demo_paid").scheduler(time).build();
 *   BdJob done = client.bdJobs().awaitCompletion(jobId);   // returns at once in real time
 *   assertThat(time.scheduledDelays()).startsWith(Duration.ZERO, Duration.ofSeconds(2));
 * }
 * }</pre>
 *
 * <p>Thread-safe, but meant to be driven from one thread.
 */
public final class VirtualScheduler implements JobScheduler {
  /** The instant a scheduler from {@link #create()} starts at: 2026-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private final List<Duration> scheduledDelays = new ArrayList<>();
  private final List<Duration> sleeps = new ArrayList<>();
  private final Clock clock = new VirtualClock();
  private Instant now;
  private long sequence;

  private VirtualScheduler(Instant start) {
    this.now = start;
  }

  /**
   * Creates a scheduler whose time starts at {@link #DEFAULT_START}.
   *
   * @return the scheduler
   */
  public static VirtualScheduler create() {
    return new VirtualScheduler(DEFAULT_START);
  }

  /**
   * Creates a scheduler whose time starts at {@code start}.
   *
   * @param start the initial virtual time
   * @return the scheduler
   */
  public static VirtualScheduler startingAt(Instant start) {
    if (start == null) {
      throw new IllegalArgumentException("start must not be null");
    }
    return new VirtualScheduler(start);
  }

  /**
   * Returns a clock that reads this scheduler's virtual time. Hand it to anything that must share
   * the time, such as the mock server's builder.
   *
   * @return the virtual clock (UTC)
   */
  @Override
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the current virtual time.
   *
   * @return now
   */
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Duration d = delay.isNegative() ? Duration.ZERO : delay;
    scheduledDelays.add(d);
    Task t = new Task(now.plus(d), sequence++, task);
    queue.add(t);
    return () -> {
      synchronized (VirtualScheduler.this) {
        queue.remove(t);
      }
    };
  }

  /**
   * Records the sleep and moves virtual time forward by it, without running scheduled tasks.
   *
   * @param duration how long the caller would sleep
   */
  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    if (!duration.isNegative()) {
      now = now.plus(duration);
    }
  }

  /**
   * Runs scheduled tasks in time order, on this thread, until {@code future} completes.
   *
   * @throws IllegalStateException if nothing is scheduled and the future is still not complete
   */
  @Override
  public <T> T await(CompletableFuture<T> future) throws InterruptedException, ExecutionException {
    while (!future.isDone()) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      if (!runNext()) {
        throw new IllegalStateException(
            "Nothing is scheduled on the virtual scheduler, yet the awaited future is not done");
      }
    }
    return future.get();
  }

  /**
   * Moves time to the earliest scheduled task and runs it.
   *
   * @return false if nothing was scheduled
   */
  public boolean runNext() {
    return runNextDueBy(Instant.MAX);
  }

  /** Takes the earliest task due at or before {@code limit}, moves time to it and runs it. */
  private boolean runNextDueBy(Instant limit) {
    Task t;
    synchronized (this) {
      t = queue.peek();
      if (t == null || t.due.isAfter(limit)) {
        return false;
      }
      queue.poll();
      if (t.due.isAfter(now)) {
        now = t.due;
      }
    }
    t.task.run();
    return true;
  }

  /**
   * Moves time forward by {@code duration}, running every task that falls due on the way, each at
   * its own time.
   *
   * @param duration how far to move, zero or positive
   */
  public void advance(Duration duration) {
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException("duration must be zero or positive, was " + duration);
    }
    Instant target;
    synchronized (this) {
      target = now.plus(duration);
    }
    while (runNextDueBy(target)) {
      // each task runs at its own time
    }
    synchronized (this) {
      if (target.isAfter(now)) {
        now = target;
      }
    }
  }

  /**
   * Runs scheduled tasks until none is left. A task that always schedules another never ends:
   * prefer {@link #advance(Duration)} or {@link #await(CompletableFuture)} there.
   *
   * @param maxTasks a safety limit on how many tasks to run
   * @return how many tasks ran
   */
  public int runUntilIdle(int maxTasks) {
    int ran = 0;
    while (ran < maxTasks && runNext()) {
      ran++;
    }
    return ran;
  }

  /**
   * Returns how many tasks are scheduled and not yet run.
   *
   * @return the count
   */
  public synchronized int pendingTasks() {
    return queue.size();
  }

  /**
   * Returns every delay passed to {@link #schedule}, in order: the exact poll schedule of the waits
   * that ran on this scheduler.
   *
   * @return a copy of the delays
   */
  public synchronized List<Duration> scheduledDelays() {
    return List.copyOf(scheduledDelays);
  }

  /**
   * Returns every duration passed to {@link #sleep}, in order: the retry back-offs of requests.
   *
   * @return a copy of the sleeps
   */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public String toString() {
    return "VirtualScheduler{now=" + now() + ", pending=" + pendingTasks() + '}';
  }

  private record Task(Instant due, long seq, Runnable task) implements Comparable<Task> {
    @Override
    public int compareTo(Task o) {
      int c = due.compareTo(o.due);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final class VirtualClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("a virtual clock is always UTC");
    }

    @Override
    public Instant instant() {
      return now();
    }

    @Override
    public String toString() {
      return "VirtualClock[" + now() + "]";
    }
  }
}
