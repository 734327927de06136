package dev.jobsdk.core.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executors a client creates for itself: a virtual thread per task where the running JDK has
 * them (21 and later, found at run time so the jar stays Java 17), daemon platform threads
 * otherwise.
 */
final class Threads {
  private static final MethodHandle VIRTUAL_FACTORY = virtualThreadFactoryHandle();

  private Threads() {}

  /**
   * Returns whether this JDK runs tasks on virtual threads.
   *
   * @return true on JDK 21 and later
   */
  static boolean virtualThreads() {
    return VIRTUAL_FACTORY != null;
  }

  /**
   * Returns an executor that starts a virtual thread per task, or null before JDK 21.
   *
   * @param prefix the threads' name prefix
   * @return the executor, or null
   */
  static ExecutorService virtualPerTask(String prefix) {
    if (VIRTUAL_FACTORY == null) {
      return null;
    }
    try {
      ThreadFactory factory = (ThreadFactory) VIRTUAL_FACTORY.invoke(prefix);
      return (ExecutorService)
          MethodHandles.publicLookup()
              .findStatic(
                  Executors.class,
                  "newThreadPerTaskExecutor",
                  MethodType.methodType(ExecutorService.class, ThreadFactory.class))
              .invoke(factory);
    } catch (Throwable e) {
      return null;
    }
  }

  /**
   * Returns a pool of at most {@code maxThreads} daemon platform threads that starts a thread only
   * when no idle one can take a task, and retires each after 30 s idle: under light load it holds
   * a few threads, under heavy load never more than the bound. (A cached pool overshoots its
   * user's limit by a thread per hand-over race; a fixed pool with a queue grows to its bound under
   * any steady load, since it adds a thread per task until it has its core size.) A task that
   * meets the pool at its bound waits in the queue for the next free thread; the {@link
   * LimitedExecutor} in front lets no more than the bound in, so that happens only while a thread
   * is between two tasks.
   *
   * @param prefix the threads' name prefix
   * @param maxThreads the most threads alive at once
   * @return the pool
   */
  static ThreadPoolExecutor platformPool(String prefix, int maxThreads) {
    HandOffQueue queue = new HandOffQueue();
    return new ThreadPoolExecutor(
        0,
        maxThreads,
        30,
        TimeUnit.SECONDS,
        queue,
        daemon(prefix),
        (task, pool) -> {
          if (pool.isShutdown()) {
            throw new RejectedExecutionException("the pool is shut down");
          }
          queue.enqueue(task);
        });
  }

  /**
   * The pool's queue: {@link #offer} hands a task straight to an idle thread or refuses it, which
   * makes the pool start a thread (up to its bound) rather than queue the task behind busy ones.
   */
  static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean offer(Runnable task) {
      return tryTransfer(task);
    }

    /** Queues a task for the next thread that frees up (the pool is at its bound). */
    void enqueue(Runnable task) {
      super.offer(task);
    }
  }

  /**
   * Returns a factory of daemon platform threads named {@code prefix-1}, {@code prefix-2}, ...
   *
   * @param prefix the name prefix
   * @return the factory
   */
  static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** {@code Thread.ofVirtual().name(prefix + "-", 1).factory()} as a handle, or null. */
  private static MethodHandle virtualThreadFactoryHandle() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builder = Class.forName("java.lang.Thread$Builder");
      Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
      MethodHandle create = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
      MethodHandle name =
          lookup.findVirtual(
              builder, "name", MethodType.methodType(builder, String.class, long.class));
      MethodHandle factory =
          lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
      MethodHandle h =
          MethodHandles.lookup()
              .findStatic(
                  Threads.class,
                  "virtualFactory",
                  MethodType.methodType(
                      ThreadFactory.class,
                      MethodHandle.class,
                      MethodHandle.class,
                      MethodHandle.class,
                      String.class));
      MethodHandle bound = MethodHandles.insertArguments(h, 0, create, name, factory);
      // Probe once, so a JDK that has the methods but refuses them falls back here, not later.
      ThreadFactory probe = (ThreadFactory) bound.invoke("jobsdk-probe");
      if (probe == null) {
        return null;
      }
      return bound;
    } catch (Throwable e) {
      return null;
    }
  }

  @SuppressWarnings("unused") // called through a method handle
  private static ThreadFactory virtualFactory(
      MethodHandle create, MethodHandle name, MethodHandle factory, String prefix)
      throws Throwable {
    Object b = create.invoke();
    b = name.invoke(b, prefix + "-", 1L);
    return (ThreadFactory) factory.invoke(b);
  }
}
