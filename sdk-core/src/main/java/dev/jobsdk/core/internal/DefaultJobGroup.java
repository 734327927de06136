package dev.jobsdk.core.internal;

import dev.jobsdk.core.AwaitAllOptions;
import dev.jobsdk.core.JobGroup;
import dev.jobsdk.core.JobGroupListener;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.JobInterruptedException;
import dev.jobsdk.core.JobOutcome;
import dev.jobsdk.core.JobScheduler;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import dev.jobsdk.core.WaitOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link JobGroup} over the handles' asynchronous waits: each wait's end fills the next slot of a
 * completion-ordered sequence, which the iterator takes slot by slot.
 *
 * @param <S> the snapshot type
 * @param <R> the result type
 */
public final class DefaultJobGroup<S extends JobSnapshot, R> implements JobGroup<S, R> {
  private static final Logger log = LoggerFactory.getLogger(DefaultJobGroup.class);

  private final JobScheduler scheduler;
  private final JobGroupListener<S, R> listener;
  private final List<Entry> entries;
  private final List<CompletableFuture<JobOutcome<S, R>>> slots;
  private final List<JobOutcome<S, R>> inOrder = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger ended = new AtomicInteger();
  private final AtomicInteger taken = new AtomicInteger();
  private final CompletableFuture<List<JobOutcome<S, R>>> allDone = new CompletableFuture<>();
  private final Instant started;

  private final class Entry {
    final JobHandle<S, R> handle;
    final AtomicBoolean recorded = new AtomicBoolean();
    volatile CompletableFuture<R> wait;

    Entry(JobHandle<S, R> handle) {
      this.handle = handle;
    }
  }

  private DefaultJobGroup(
      JobScheduler scheduler, List<JobHandle<S, R>> handles, JobGroupListener<S, R> listener) {
    this.scheduler = scheduler;
    this.listener = listener;
    this.started = scheduler.clock().instant();
    List<Entry> list = new ArrayList<>(handles.size());
    List<CompletableFuture<JobOutcome<S, R>>> s = new ArrayList<>(handles.size());
    for (JobHandle<S, R> h : handles) {
      list.add(new Entry(h));
      s.add(new CompletableFuture<>());
    }
    this.entries = List.copyOf(list);
    this.slots = List.copyOf(s);
    if (entries.isEmpty()) {
      allDone.complete(List.of());
    }
  }

  /**
   * Starts a wait for every job.
   *
   * @param scheduler the client's scheduler (virtual time in tests)
   * @param defaultPolicy the client's default policy
   * @param jobs the jobs; none null
   * @param options the options
   * @param listener the listener
   * @param <S> the snapshot type
   * @param <R> the result type
   * @return the group, its waits started
   */
  public static <S extends JobSnapshot, R> JobGroup<S, R> start(
      JobScheduler scheduler,
      PollingPolicy defaultPolicy,
      Collection<? extends JobHandle<S, R>> jobs,
      AwaitAllOptions options,
      JobGroupListener<S, R> listener) {
    Checks.notNull(jobs, "jobs");
    Checks.notNull(options, "options");
    Checks.notNull(listener, "listener");
    List<JobHandle<S, R>> handles = new ArrayList<>(jobs.size());
    int i = 0;
    for (JobHandle<S, R> h : jobs) {
      if (h == null) {
        throw new IllegalArgumentException("jobs[" + i + "] must not be null");
      }
      handles.add(h);
      i++;
    }
    PollingPolicy policy = options.policy().orElse(defaultPolicy);
    if (options.deadline().isPresent()
        && options.deadline().get().compareTo(policy.totalTimeout()) < 0) {
      // Every wait starts now, so the set's deadline is each wait's total timeout: the poller
      // then ends each with an exact JobTimeoutException (last snapshot, polls) at the deadline.
      policy = policy.toBuilder().totalTimeout(options.deadline().get()).build();
    }
    DefaultJobGroup<S, R> group = new DefaultJobGroup<>(scheduler, handles, listener);
    group.startAll(policy);
    return group;
  }

  private void startAll(PollingPolicy policy) {
    ProgressListener<S> progress =
        snapshot -> {
          try {
            listener.onProgress(snapshot);
          } catch (RuntimeException e) {
            log.warn("JobGroup listener threw on progress of job {}; the waits go on",
                Untrusted.text(snapshot.id(), 100), e);
          }
        };
    WaitOptions.Builder<S> options = WaitOptions.<S>builder().listener(progress);
    if (policy != null) {
      options.policy(policy);
    }
    WaitOptions<S> waitOptions = options.build();
    for (Entry e : entries) {
      CompletableFuture<R> wait;
      try {
        wait = e.handle.awaitCompletionAsync(waitOptions);
      } catch (RuntimeException failure) {
        record(e, null, failure);
        continue;
      }
      e.wait = wait;
      wait.whenComplete((r, failure) -> record(e, r, failure));
    }
  }

  private void record(Entry e, R result, Throwable failure) {
    if (!e.recorded.compareAndSet(false, true)) {
      return;
    }
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    JobOutcome<S, R> outcome;
    if (cause == null) {
      outcome = JobOutcome.succeeded(e.handle, result);
    } else if (cause instanceof CancellationException c) {
      outcome = JobOutcome.cancelled(e.handle, c);
    } else {
      outcome = JobOutcome.failed(e.handle, Poller.unwrap(cause));
    }
    inOrder.add(outcome);
    int n = ended.getAndIncrement();
    slots.get(n).complete(outcome);
    try {
      listener.onOutcome(outcome);
    } catch (RuntimeException ex) {
      log.warn("JobGroup listener threw on the outcome of job {}",
          Untrusted.text(e.handle.id(), 100), ex);
    }
    if (n + 1 == entries.size()) {
      synchronized (inOrder) {
        allDone.complete(List.copyOf(inOrder));
      }
    }
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public int remaining() {
    return entries.size() - ended.get();
  }

  @Override
  public Iterator<JobOutcome<S, R>> iterator() {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return taken.get() < entries.size();
      }

      @Override
      public JobOutcome<S, R> next() {
        int i = taken.getAndIncrement();
        if (i >= entries.size()) {
          taken.decrementAndGet();
          throw new NoSuchElementException("every outcome of the group was taken");
        }
        CompletableFuture<JobOutcome<S, R>> slot = slots.get(i);
        try {
          return scheduler.await(slot);
        } catch (InterruptedException ie) {
          taken.decrementAndGet();
          Thread.currentThread().interrupt();
          throw new JobInterruptedException(
              "group of " + entries.size(),
              null,
              Duration.between(started, scheduler.clock().instant()),
              0,
              ie);
        } catch (ExecutionException ee) {
          throw Poller.unwrap(ee.getCause()); // slots never fail
        }
      }
    };
  }

  @Override
  public Stream<JobOutcome<S, R>> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public CompletableFuture<List<JobOutcome<S, R>>> allDone() {
    return allDone;
  }

  @Override
  public void cancelAll() {
    for (Entry e : entries) {
      CompletableFuture<R> w = e.wait;
      if (w != null) {
        w.cancel(false);
      }
    }
  }

  @Override
  public void close() {
    cancelAll();
  }

  @Override
  public String toString() {
    return "JobGroup[" + entries.size() + " jobs, " + remaining() + " remaining]";
  }
}
