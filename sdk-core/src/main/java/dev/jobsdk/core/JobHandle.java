package dev.jobsdk.core;

import java.util.concurrent.CompletableFuture;

/**
 * A job on the server: its id, a way to look at it now, and the one way to wait for it that every
 * jobsdk service offers. A service's {@code create} (or equivalent) returns one for a new job; its
 * {@code handle(id)} returns one for a job you already know, such as an id stored before a
 * restart, without sending anything.
 *
 * <pre>{@code
 * BdJob done = client.bdJobs().handle(jobId).awaitCompletion();
 * CompletableFuture<BdJob> later = client.bdJobs().handle(jobId)
 *     .awaitCompletionAsync(WaitOptions.of(job -> log.info("{}", job.progress())));
 * }</pre>
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
   * @throws JobStalledException if the policy's stall timeout passed without a change
   * @throws JobInterruptedException if the calling thread was interrupted
   * @throws ApiException if a poll failed with a non-transient error
   */
  default R awaitCompletion() {
    return awaitCompletion(WaitOptions.defaults());
  }

  /**
   * Waits as {@code options} say until the job ends.
   *
   * @param options the policy and listener of this wait
   * @return the result of a successful job
   * @throws IllegalArgumentException if options is null
   * @throws JobFailedException if the job failed
   * @throws JobCancelledException if the job was cancelled
   * @throws JobTimeoutException if the policy's total timeout or poll limit passed
   * @throws JobStalledException if the policy's stall timeout passed without a change
   * @throws JobInterruptedException if the calling thread was interrupted
   * @throws ApiException if a poll failed with a non-transient error
   */
  R awaitCompletion(WaitOptions<? super S> options);

  /**
   * Waits asynchronously with the client's default policy. Cancelling the future stops polling.
   *
   * @return a future of the result; it fails with the exceptions {@link #awaitCompletion()}
   *     throws
   */
  default CompletableFuture<R> awaitCompletionAsync() {
    return awaitCompletionAsync(WaitOptions.defaults());
  }

  /**
   * Waits asynchronously as {@code options} say. Cancelling the future stops polling.
   *
   * @param options the policy and listener of this wait
   * @return a future of the result; it fails with the exceptions {@link #awaitCompletion()}
   *     throws
   * @throws IllegalArgumentException if options is null (thrown at once)
   */
  CompletableFuture<R> awaitCompletionAsync(WaitOptions<? super S> options);
}
