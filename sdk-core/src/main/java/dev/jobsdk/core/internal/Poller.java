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
import java.util.concurrent.Executor;
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
  private volatile Executor completions = Runnable::run;
  private volatile RateGate gate = RateGate.NONE;
  private final LagMonitor lag = new LagMonitor();
  /** Non-null once {@link #watchLag} was called. */
  private volatile Supplier<String> load;

  /**
   * What a poll asks before it is sent: the client's rate budget.
   */
  public interface RateGate {
    /** A gate that never holds a poll back. */
    RateGate NONE =
        new RateGate() {
          @Override
          public Duration hold(Instant now) {
            return Duration.ZERO;
          }

          @Override
          public Duration reserve(Instant now) {
            return Duration.ZERO;
          }

          @Override
          public <T> T send(Supplier<T> poll) {
            return poll.get();
          }
        };

    /**
     * Returns how long every request to the host is held back (a server's Retry-After).
     *
     * @param now the current time
     * @return zero if the poll may go, otherwise when to ask again
     */
    Duration hold(Instant now);

    /**
     * Reserves the poll's request slot under the client's requests-per-second ceiling.
     *
     * @param now the current time
     * @return how long until the reserved slot (zero: now)
     */
    Duration reserve(Instant now);

    /**
     * Sends the poll, whose slot is reserved.
     *
     * @param poll the poll
     * @param <T> its result type
     * @return what it returned
     */
    <T> T send(Supplier<T> poll);
  }

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
   * Sets where asynchronous wait futures complete (and so where callbacks chained on them run).
   * Default: on the thread that ran the last poll, which is right for a virtual scheduler only.
   *
   * @param executor the completion executor
   * @return this poller
   */
  public Poller completeOn(Executor executor) {
    this.completions = executor;
    return this;
  }

  /**
   * Sets the rate gate every poll passes before it is sent.
   *
   * @param rateGate the gate
   * @return this poller
   */
  public Poller gate(RateGate rateGate) {
    this.gate = rateGate;
    return this;
  }

  /**
   * Watches whether polls start later than scheduled, and warns once when they fall behind (see
   * {@link LagMonitor}). Only a client running on its own real-time scheduler watches: under a
   * scheduler the user injects, such as a virtual clock that a test or a simulation moves in
   * jumps, lateness says nothing about the client's capacity.
   *
   * @param description what the warning says about the client's load (polls in flight and the
   *     like), as a short phrase
   * @return this poller
   */
  public Poller watchLag(Supplier<String> description) {
    this.load = description;
    return this;
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
    Run<S> run = new Run<>(jobId, poll, policy, listener, true);
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
    Run<S> run = new Run<>(jobId, poll, policy, listener, false);
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
    private final boolean async;
    private volatile Cancellable pending;
    private volatile Instant due;
    private volatile boolean finished;
    private boolean slotReserved;
    private PollDecision decision;
    private Object lastNotified;
    private volatile Instant started;
    private volatile JobSnapshot lastSeen;
    private volatile int polls;

    Run(
        String jobId,
        Supplier<S> poll,
        PollingPolicy policy,
        ProgressListener<? super S> listener,
        boolean async) {
      this.async = async;
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
      due = clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay);
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
      finished = true;
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
      if (finished || future.isDone()) {
        return;
      }
      Instant start = clock.instant();
      Instant scheduledFor = due;
      Supplier<String> watching = load;
      if (watching != null && scheduledFor != null && start.isAfter(scheduledFor)) {
        lag.record(Duration.between(scheduledFor, start), live.size(), watching);
      }
      Duration hold = gate.hold(start);
      if (!hold.isZero() && !hold.isNegative()) {
        // The server asked the client to back off: every wait holds back until then.
        schedule(hold);
        return;
      }
      if (!slotReserved) {
        Duration wait = gate.reserve(start);
        if (!wait.isZero() && !wait.isNegative()) {
          // Over the client's requests-per-second ceiling: come back at the reserved slot.
          slotReserved = true;
          schedule(wait);
          return;
        }
      }
      slotReserved = false;
      S snapshot = null;
      RuntimeException error = null;
      try {
        snapshot = gate.send(poll);
        if (snapshot == null) {
          throw new IllegalStateException("poll of job " + jobId + " returned null");
        }
      } catch (RuntimeException e) {
        error = e;
      } catch (Error e) {
        finished = true;
        future.completeExceptionally(e);
        throw e;
      }
      if (finished || future.isDone()) {
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
        finish(snapshot, null);
      } else {
        RuntimeException failure = ((PollDecision.Fail) outcome).error();
        log.debug("job {} poll {}: wait ends with {}", jobId, decision.polls(), failure.toString());
        finish(null, failure);
      }
    }

    /**
     * Completes the future: an async wait's on the completion executor, so that callbacks chained
     * on it never run on a poll thread; a blocking wait's here (only its caller waits on it).
     */
    private void finish(S snapshot, RuntimeException failure) {
      finished = true;
      Runnable complete =
          () -> {
            if (failure == null) {
              future.complete(snapshot);
            } else {
              future.completeExceptionally(failure);
            }
          };
      if (!async) {
        complete.run();
        return;
      }
      try {
        completions.execute(complete);
      } catch (RejectedExecutionException e) {
        complete.run();
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
