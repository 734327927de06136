package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.WaitOptions;
import java.util.Optional;

/**
 * A BD job, from {@link BdJobService#create(BdJobRequest)} or {@link BdJobService#handle(String)}:
 * its id, the job as the create call returned it (with the planner's resolved capabilities and
 * warnings), and ways to wait for it. Waiting returns the job in its terminal {@code completed} state; {@link #awaitResult()} also
 * fetches the result.
 *
 * <p>Immutable and thread-safe; every wait polls on its own.
 */
public interface BdJobHandle extends JobHandle<BdJob, BdJob> {

  /**
   * Returns the job as the 202 answer of its creation described it ({@code pending}, 0%, with the
   * planner's resolved capabilities and warnings).
   *
   * @return the created job, or empty for a handle from {@link BdJobService#handle(String)}
   */
  Optional<BdJob> created();

  /**
   * Waits with the client's default policy until the job completes, then fetches its result.
   *
   * @return the completed job and its result
   * @throws dev.jobsdk.core.JobFailedException if the job failed
   * @throws dev.jobsdk.core.JobCancelledException if the job was cancelled
   * @throws dev.jobsdk.core.JobTimeoutException if the policy's limits passed
   */
  default BdJobOutcome awaitResult() {
    return awaitResult(WaitOptions.defaults());
  }

  /**
   * Waits as {@code options} say until the job completes, then fetches its result.
   *
   * @param options the policy and listener of this wait
   * @return the completed job and its result
   * @throws IllegalArgumentException if options is null
   * @throws dev.jobsdk.core.JobFailedException if the job failed
   * @throws dev.jobsdk.core.JobCancelledException if the job was cancelled
   * @throws dev.jobsdk.core.JobTimeoutException if the policy's limits passed
   */
  BdJobOutcome awaitResult(WaitOptions<? super BdJob> options);
}
