package dev.jobsdk.core.internal;

import dev.jobsdk.core.Cancellable;
import dev.jobsdk.core.JobInterruptedException;
import dev.jobsdk.core.JobScheduler;
import dev.jobsdk.core.JobSdkException;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives {@link PollDecision} on a {@link JobScheduler}: the async wait, and the blocking wait as
 * the async one joined. Each poll is a separate scheduled task, so a wait of any length uses no
 * stack and no thread while it sleeps.
 *
 * <p>Live waits are tracked, so that {@link #close()} ends every one of them with a {@link
 * dev.jobsdk.core.ClientClosedException} instead of stranding it.
 */
public final class Poller {
  private static final Logger log = LoggerFactory.getLogger(Poller.class);

  private final JobScheduler scheduler;
  private final DoubleSupplier random;
  private final Lifecycle lifecycle;
  private final Set<Run<?>> live = ConcurrentHashMap.newKeySet();

  /**
   * Creates a poller with thread-local randomness for jitter.
   *
   * @param scheduler the client's scheduler
   */
  public Poller(JobScheduler scheduler) {
    this(scheduler, () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * Creates a poller.
   *
   * @param scheduler the client's scheduler
   * @param random uniform values in [0, 1) for jitter
   */
  public Poller(JobScheduler scheduler, DoubleSupplier random) {
    this(scheduler, random, new Lifecycle());
  }

  /**
   * Creates a poller.
   *
   * @param scheduler the client's scheduler
   * @param random uniform values in [0, 1) for jitter
   * @param lifecycle the client's open/closed state
   */
  public Poller(JobScheduler scheduler, DoubleSupplier random, Lifecycle lifecycle) {
    this.scheduler = scheduler;
    this.random = random;
    this.lifecycle = lifecycle;
  }

  /**
   * Returns how many waits are in flight.
   *
   * @return the number of live waits
   */
  public int liveWaits() {
    return live.size();
  }

  /**
   * Marks the client closed and ends every live wait with a {@link
   * dev.jobsdk.core.ClientClosedException}; a blocking wait throws it at once. Later waits fail
   * the same way when they start.
   */
  public void close() {
    lifecycle.close();
    for (Run<?> run : live) {
      run.abort(Lifecycle.closedException("the wait for job " + run.jobId));
    }
  }

  /**
   * Starts an asynchronous wait.
   *
   * @param jobId the job, for messages
   * @param poll fetches one snapshot; throws a {@link JobSdkException} on failure
   * @param policy the policy
   * @param listener called on each change of state or progress
   * @param <S> the snapshot type
   * @return a future of the terminal snapshot; cancelling it stops polling
   */
  public <S extends JobSnapshot> CompletableFuture<S> awaitAsync(
      String jobId, Supplier<S> poll, PollingPolicy policy, ProgressListener<? super S> listener) {
    Run<S> run = new Run<>(jobId, poll, policy, listener);
    run.start();
    return run.future;
  }

  /**
   * Waits on the calling thread.
   *
   * @param jobId the job, for messages
   * @param poll fetches one snapshot; throws a {@link JobSdkException} on failure
   * @param policy the policy
   * @param listener called on each change of state or progress
   * @param <S> the snapshot type
   * @return the terminal snapshot of a job that succeeded
   * @throws JobInterruptedException if the thread is interrupted; its flag is set again
   */
  public <S extends JobSnapshot> S await(
      String jobId, Supplier<S> poll, PollingPolicy policy, ProgressListener<? super S> listener) {
    Run<S> run = new Run<>(jobId, poll, policy, listener);
    run.start();
    try {
      return scheduler.await(run.future);
    } catch (InterruptedException e) {
      run.future.cancel(false);
      Thread.currentThread().interrupt();
      throw new JobInterruptedException(
          jobId, run.lastSeen, Duration.between(run.started, run.clock.instant()), run.polls, e);
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    }
  }

  /**
   * Returns the exception to rethrow on the caller's thread for a failed future's cause.
   *
   * @param cause the cause
   * @return a runtime exception to throw
   */
  public static RuntimeException unwrap(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new JobSdkException("Wait failed: " + cause, cause);
  }

  private final class Run<S extends JobSnapshot> implements Runnable {
    private final String jobId;
    private final Supplier<S> poll;
    private final PollingPolicy policy;
    private final ProgressListener<? super S> listener;
    private final Clock clock = scheduler.clock();
    private final CompletableFuture<S> future =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            Cancellable next = pending;
            if (next != null) {
              next.cancel();
            }
            return cancelled;
          }
        };
    private volatile Cancellable pending;
    private PollDecision decision;
    private Object lastNotified;
    private volatile Instant started;
    private volatile JobSnapshot lastSeen;
    private volatile int polls;

    Run(String jobId, Supplier<S> poll, PollingPolicy policy, ProgressListener<? super S> listener) {
      this.jobId = jobId;
      this.poll = poll;
      this.policy = policy;
      this.listener = listener == null ? ProgressListener.none() : listener;
    }

    void start() {
      live.add(this);
      future.whenComplete((s, e) -> live.remove(this));
      if (lifecycle.isClosed()) {
        live.remove(this);
        throw Lifecycle.closedException("a wait for job " + jobId);
      }
      started = clock.instant();
      decision = new PollDecision(jobId, policy, started, random);
      schedule(decision.firstDelay());
    }

    private void schedule(Duration delay) {
      if (future.isDone()) {
        return;
      }
      try {
        pending = scheduler.schedule(delay, this);
      } catch (RejectedExecutionException e) {
        // The scheduler was shut down under the wait (the client closed, or a user's scheduler).
        abort(Lifecycle.closedException("the wait for job " + jobId));
        return;
      }
      if (future.isDone()) {
        pending.cancel();
      }
    }

    /** Ends the wait with {@code error} and drops its next poll. */
    void abort(RuntimeException error) {
      if (future.completeExceptionally(error)) {
        Cancellable next = pending;
        if (next != null) {
          next.cancel();
        }
      }
    }

    /** Runs one poll. Polls of one wait never overlap: each schedules the next when it ends. */
    @Override
    public void run() {
      if (future.isDone()) {
        return;
      }
      S snapshot = null;
      RuntimeException error = null;
      try {
        snapshot = poll.get();
        if (snapshot == null) {
          throw new IllegalStateException("poll of job " + jobId + " returned null");
        }
      } catch (RuntimeException e) {
        error = e;
      } catch (Error e) {
        future.completeExceptionally(e);
        throw e;
      }
      if (future.isDone()) {
        return;
      }
      Instant now = clock.instant();
      PollDecision.Outcome outcome =
          snapshot != null ? decision.onSnapshot(snapshot, now) : decision.onError(error, now);
      polls = decision.polls();
      if (snapshot != null) {
        lastSeen = snapshot;
        notifyListener(snapshot);
      }
      if (outcome instanceof PollDecision.Continue next) {
        if (log.isDebugEnabled()) {
          log.debug(
              "job {} poll {}: {}; next poll in {} ms",
              jobId,
              decision.polls(),
              snapshot != null ? Untrusted.text(snapshot.rawStatus(), 100) : "error " + error,
              next.delay().toMillis());
        }
        schedule(next.delay());
      } else if (outcome instanceof PollDecision.Done done) {
        log.debug(
            "job {} poll {}: done ({})",
            jobId,
            decision.polls(),
            Untrusted.text(snapshot.rawStatus(), 100));
        future.complete(snapshot);
      } else {
        RuntimeException failure = ((PollDecision.Fail) outcome).error();
        log.debug("job {} poll {}: wait ends with {}", jobId, decision.polls(), failure.toString());
        future.completeExceptionally(failure);
      }
    }

    private void notifyListener(S snapshot) {
      Object key = PollDecision.changeKey(snapshot);
      if (key.equals(lastNotified)) {
        return;
      }
      lastNotified = key;
      try {
        listener.onProgress(snapshot);
      } catch (RuntimeException e) {
        log.warn("Progress listener for job {} threw; the wait goes on", jobId, e);
      }
    }
  }
}
