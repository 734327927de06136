package dev.jobsdk.core.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on a delegate executor, at most {@code limit} at a time; the rest wait in a FIFO
 * queue and hold no thread. Thread-safe and lock-free.
 */
final class LimitedExecutor implements Executor {
  private final Executor delegate;
  private final int limit;
  private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger running = new AtomicInteger();

  LimitedExecutor(Executor delegate, int limit) {
    this.delegate = delegate;
    this.limit = limit;
  }

  @Override
  public void execute(Runnable task) {
    queue.add(task);
    drain();
  }

  /**
   * Removes a task that has not started.
   *
   * @param task the task
   * @return whether it was still queued
   */
  boolean remove(Runnable task) {
    return queue.remove(task);
  }

  /**
   * Returns how many tasks are running.
   *
   * @return the count
   */
  int running() {
    return running.get();
  }

  /**
   * Returns how many tasks wait for a free slot.
   *
   * @return the count
   */
  int queued() {
    return queue.size();
  }

  private void drain() {
    while (!queue.isEmpty()) {
      int n = running.get();
      if (n >= limit) {
        return;
      }
      if (!running.compareAndSet(n, n + 1)) {
        continue;
      }
      Runnable task = queue.poll();
      if (task == null) {
        running.decrementAndGet();
        continue;
      }
      try {
        delegate.execute(() -> runThenDrain(task));
      } catch (RejectedExecutionException e) {
        running.decrementAndGet();
        throw e;
      }
    }
  }

  private void runThenDrain(Runnable task) {
    try {
      task.run();
    } finally {
      running.decrementAndGet();
      drain();
    }
  }
}
