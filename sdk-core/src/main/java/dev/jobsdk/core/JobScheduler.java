package dev.jobsdk.core;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The source of time for a client: its clock, and the timer that runs poll attempts and retry
 * back-offs.
 *
 * <p>Every client owns one by default: a single daemon timer thread that hands due polls on; each
 * poll then runs on its own virtual thread (JDK 21 and later) or on a pool of daemon threads sized
 * by the builder's {@code maxConcurrentPolls} (JDK 17). No thread is held by a wait between polls
 * and nothing polls in a {@code Thread.sleep} loop. Tests inject {@link dev.jobsdk.core.testing.VirtualScheduler}, which
 * runs a simulated ten-minute wait in milliseconds on the calling thread.
 */
public interface JobScheduler {

  /**
   * Returns the clock that timestamps polls, measures timeouts and decides token expiry.
   *
   * @return the clock
   */
  Clock clock();

  /**
   * Runs {@code task} once after {@code delay}. The task may run on any thread.
   *
   * @param delay how long to wait; zero or negative runs it as soon as possible
   * @param task the work to run
   * @return a handle that cancels the task if it has not started
   */
  Cancellable schedule(Duration delay, Runnable task);

  /**
   * Blocks the calling thread for {@code duration}: used between retries of a single request.
   *
   * @param duration how long to wait
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Blocks until {@code future} completes and returns its value. A virtual scheduler runs its
   * scheduled tasks on the calling thread until the future completes.
   *
   * @param future the future to wait for
   * @param <T> the value type
   * @return the future's value
   * @throws InterruptedException if the calling thread is interrupted while waiting
   * @throws ExecutionException if the future completed exceptionally
   */
  <T> T await(CompletableFuture<T> future) throws InterruptedException, ExecutionException;
}
