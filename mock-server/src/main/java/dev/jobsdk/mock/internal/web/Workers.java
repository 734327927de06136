package dev.jobsdk.mock.internal.web;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run exchanges. The engine reads a request's headers and body on the thread it
 * hands the exchange to, so a slow client holds a thread until the engine's request deadline; idle
 * keep-alive connections hold none. On JDK 24 and later each exchange gets a virtual thread (blocking
 * reads inside the engine's {@code synchronized} streams no longer pin a carrier there). Before that,
 * a pool of daemon platform threads grows to {@value #MAX_THREADS} before it queues, so a crowd of
 * slow clients delays a normal request rather than shutting it out, and shrinks again when idle.
 */
final class Workers extends AbstractExecutorService {

  /** Platform threads at most; exchanges beyond wait in a queue. */
  static final int MAX_THREADS = 512;

  private final ExecutorService delegate;

  private Workers(ExecutorService delegate) {
    this.delegate = delegate;
  }

  static Workers create(String name) {
    if (Runtime.version().feature() >= 24) {
      try {
        Method method = java.util.concurrent.Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        return new Workers((ExecutorService) method.invoke(null));
      } catch (ReflectiveOperationException e) {
        // fall through to platform threads
      }
    }
    GrowFirstQueue queue = new GrowFirstQueue();
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, queue, r -> {
      Thread t = new Thread(() -> {
        queue.threads.incrementAndGet();
        try {
          r.run();
        } finally {
          queue.threads.decrementAndGet();
        }
      }, name + "-worker-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, (r, executor) -> {
      if (executor.isShutdown() || !queue.force(r)) {
        throw new RejectedExecutionException("server closed");
      }
    }) {
      @Override
      protected void beforeExecute(Thread t, Runnable r) {
        queue.busy.incrementAndGet();
      }

      @Override
      protected void afterExecute(Runnable r, Throwable t) {
        queue.busy.decrementAndGet();
      }
    };
    return new Workers(pool);
  }

  /**
   * Makes the pool add a thread while one is allowed and none is idle, and queue only then. Counts
   * live and busy threads itself: the pool's own counts take its main lock on every exchange.
   */
  private static final class GrowFirstQueue extends LinkedBlockingQueue<Runnable> {
    private static final long serialVersionUID = 1L;
    final transient AtomicInteger threads = new AtomicInteger();
    final transient AtomicInteger busy = new AtomicInteger();

    @Override
    public boolean offer(Runnable task) {
      int live = threads.get();
      if (live < MAX_THREADS && busy.get() + size() >= live) {
        return false; // no idle thread for it: the pool adds one
      }
      return super.offer(task);
    }

    boolean force(Runnable task) {
      return super.offer(task);
    }
  }

  @Override
  public void execute(Runnable command) {
    delegate.execute(command);
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return delegate.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return delegate.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return delegate.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return delegate.awaitTermination(timeout, unit);
  }
}
