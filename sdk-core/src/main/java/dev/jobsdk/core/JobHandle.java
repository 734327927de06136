package dev.jobsdk.core;

import java.util.concurrent.CompletableFuture;

/**
 * A job that was started: its id, a way to look at it now, and ways to wait for its result.
 *
 * <p>Handles are cheap, immutable and thread-safe; waiting more than once, or from several
 * threads, polls independently.
 *
 * @param <S> the vendor's snapshot type (what {@link #retrieve()} and the listener see)
 * @param <R> what a successful wait returns
 */
public interface JobHandle<S extends JobSnapshot, R> {

  /**
   * Returns the job's id.
   *
   * @return the id
   */
  String id();

  /**
   * Fetches the job's current state once.
   *
   * @return the snapshot
   */
  S retrieve();

  /**
   * Waits with the client's default policy until the job ends.
   *
   * @return the result of a successful job
   * @throws JobFailedException if the job failed
   * @throws JobCancelledException if the job was cancelled
   * @throws JobTimeoutException if the policy's total timeout or poll limit passed
   * @throws JobInterruptedException if the calling thread was interrupted
   * @throws ApiException if a poll failed with a non-transient error
   */
  R awaitCompletion();

  /**
   * Waits with {@code policy} until the job ends.
   *
   * @param policy the policy for this wait
   * @return the result of a successful job
   */
  R awaitCompletion(PollingPolicy policy);

  /**
   * Waits with {@code policy} until the job ends, reporting each change of state or progress.
   *
   * @param policy the policy for this wait
   * @param listener receives snapshots as they change
   * @return the result of a successful job
   */
  R awaitCompletion(PollingPolicy policy, ProgressListener<? super S> listener);

  /**
   * Waits asynchronously with the client's default policy. Cancelling the future stops polling.
   *
   * @return a future of the result; it fails with the exceptions {@link #awaitCompletion()}
   *     throws
   */
  CompletableFuture<R> awaitCompletionAsync();

  /**
   * Waits asynchronously with {@code policy}, reporting each change of state or progress.
   *
   * @param policy the policy for this wait
   * @param listener receives snapshots as they change
   * @return a future of the result; cancelling it stops polling
   */
  CompletableFuture<R> awaitCompletionAsync(
      PollingPolicy policy, ProgressListener<? super S> listener);
}
