package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;

/**
 * A BD job that {@link BdJobService#create(BdJobRequest)} started: its id, the job as the create
 * call returned it (with the planner's resolved capabilities and warnings), and ways to wait for
 * it. Waiting returns the job in its terminal {@code completed} state; {@link #awaitResult()} also
 * fetches the result.
 *
 * <p>Immutable and thread-safe; every wait polls on its own.
 */
public interface BdJobHandle extends JobHandle<BdJob, BdJob> {

  /**
   * Returns the job as the 202 answer of its creation described it ({@code pending}, 0%).
   *
   * @return the created job
   */
  BdJob created();

  /**
   * Waits with the client's default policy until the job completes, then fetches its result.
   *
   * @return the completed job and its result
   * @throws dev.jobsdk.core.JobFailedException if the job failed
   * @throws dev.jobsdk.core.JobCancelledException if the job was cancelled
   * @throws dev.jobsdk.core.JobTimeoutException if the policy's limits passed
   */
  BdJobOutcome awaitResult();

  /**
   * Waits with the client's default policy until the job completes, reporting each change, then
   * fetches its result.
   *
   * @param listener receives the job each time its status or progress changes
   * @return the completed job and its result
   */
  BdJobOutcome awaitResult(ProgressListener<? super BdJob> listener);

  /**
   * Waits with {@code policy} until the job completes, reporting each change, then fetches its
   * result.
   *
   * @param policy the policy for this wait
   * @param listener receives the job each time its status or progress changes
   * @return the completed job and its result
   */
  BdJobOutcome awaitResult(PollingPolicy policy, ProgressListener<? super BdJob> listener);
}
