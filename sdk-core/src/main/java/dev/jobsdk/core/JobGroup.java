package dev.jobsdk.core;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A set of jobs awaited together, consumed in the order they finish. Obtained from a client's
 * {@code awaitAll(...)}; all waits start at once and share the client's scheduler and rate budget.
 *
 * <pre>{@code
 * try (JobGroup<BdJob, BdJobOutcome> group = client.awaitAll(handles)) {
 *   for (JobOutcome<BdJob, BdJobOutcome> done : group) {   // completion order
 *     if (done.succeeded()) {
 *       save(done.jobId(), done.result().orElseThrow());
 *     } else {
 *       log.warn("job {} failed: {}", done.jobId(), done.failure().orElseThrow().getMessage());
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Each job's failure is that job's outcome, never the group's: iterating always yields exactly
 * {@link #size()} outcomes. A deadline set in {@link AwaitAllOptions} ends every wait still going
 * then with a {@link JobTimeoutException}; {@link #cancelAll()} (and {@link #close()}) stops every
 * wait still going, whose outcomes are then {@link JobOutcome.Status#CANCELLED}. Thread-safe; the
 * outcomes are meant to be consumed once, by one consumer ({@link #iterator()}, {@link #stream()}
 * or {@link #allDone()}).
 *
 * @param <S> the vendor's snapshot type
 * @param <R> what a successful wait returns
 */
public interface JobGroup<S extends JobSnapshot, R>
    extends Iterable<JobOutcome<S, R>>, AutoCloseable {

  /**
   * Returns how many jobs the group awaits.
   *
   * @return the number of jobs
   */
  int size();

  /**
   * Returns how many jobs have not ended yet.
   *
   * @return the number of waits still going
   */
  int remaining();

  /**
   * Returns the outcomes in the order the jobs end. {@code next()} blocks until the next job ends
   * (on a client with a {@link dev.jobsdk.core.testing.VirtualScheduler}, it drives virtual time);
   * {@code hasNext()} never blocks. Each call shares one sequence: outcomes already taken are not
   * returned again.
   *
   * @return the iterator
   * @throws JobInterruptedException from {@code next()} if the thread is interrupted
   */
  @Override
  Iterator<JobOutcome<S, R>> iterator();

  /**
   * Returns the outcomes as a sequential stream, in the order the jobs end (see {@link
   * #iterator()}).
   *
   * @return the stream
   */
  Stream<JobOutcome<S, R>> stream();

  /**
   * Returns a future of every outcome, in the order the jobs ended, completed when the last job
   * ends. It never completes exceptionally: failures are outcomes.
   *
   * @return the future
   */
  CompletableFuture<List<JobOutcome<S, R>>> allDone();

  /**
   * Stops every wait still going; their outcomes become {@link JobOutcome.Status#CANCELLED}. Jobs
   * on the server are not cancelled. Idempotent.
   */
  void cancelAll();

  /** Same as {@link #cancelAll()}: leaving a try-with-resources block stops the waits left. */
  @Override
  void close();
}
