package dev.jobsdk.jobs;

import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.JobTimeoutException;
import dev.jobsdk.core.NotFoundException;
import dev.jobsdk.core.PermissionDeniedException;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import java.util.concurrent.CompletableFuture;

/**
 * Reads and awaits Risk Intelligence Tool jobs: {@code GET /api/jobs/:id}. Obtain it from {@link
 * JobsClient#jobs()}; thread-safe.
 *
 * <p>A job id must be a UUID; anything else is rejected with an {@link IllegalArgumentException}
 * before a request is sent. A job that belongs to another user fails with a {@link
 * PermissionDeniedException} ("You do not own this job"), an unknown one with a {@link
 * NotFoundException}.
 *
 * <p>A wait polls until the job is {@link JobStatus#COMPLETED} and returns that job, or throws a
 * {@link JobFailedException} once it is {@link JobStatus#FAILED} (after its last attempt; a job
 * back in {@code PENDING} after a failed attempt is still going). Without a policy it uses the
 * client's default, {@link JobsClient#DEFAULT_POLLING_POLICY} unless the builder set another. A
 * listener hears the first snapshot and then every change of status or progress, including
 * "retrying after failed attempt 1 of 3".
 */
public interface JobService {

  /**
   * Fetches a job once.
   *
   * @param jobId the job's UUID
   * @return the job
   * @throws IllegalArgumentException if {@code jobId} is not a UUID
   * @throws PermissionDeniedException if the job belongs to another user
   * @throws NotFoundException if there is no such job
   */
  Job retrieve(String jobId);

  /**
   * Waits with the client's default policy until the job completes.
   *
   * @param jobId the job's UUID
   * @return the completed job; read its result with, for example, {@link Job#aiPreviewResult()}
   * @throws IllegalArgumentException if {@code jobId} is not a UUID
   * @throws JobFailedException if the job failed; {@link JobFailedException#snapshot()} is the
   *     failed {@link Job}
   * @throws JobTimeoutException if the policy's time or poll limit passed first
   */
  Job awaitCompletion(String jobId);

  /**
   * Waits with the given policy until the job completes.
   *
   * @param jobId the job's UUID
   * @param policy how to poll
   * @return the completed job
   * @throws IllegalArgumentException if {@code jobId} is not a UUID or {@code policy} is null
   * @throws JobFailedException if the job failed
   * @throws JobTimeoutException if the policy's time or poll limit passed first
   */
  Job awaitCompletion(String jobId, PollingPolicy policy);

  /**
   * Waits with the client's default policy, telling the listener about each change.
   *
   * @param jobId the job's UUID
   * @param listener hears the first snapshot and each change of status or progress
   * @return the completed job
   * @throws IllegalArgumentException if {@code jobId} is not a UUID or {@code listener} is null
   * @throws JobFailedException if the job failed
   * @throws JobTimeoutException if the policy's time or poll limit passed first
   */
  Job awaitCompletion(String jobId, ProgressListener<? super Job> listener);

  /**
   * Waits with the given policy, telling the listener about each change.
   *
   * @param jobId the job's UUID
   * @param policy how to poll
   * @param listener hears the first snapshot and each change of status or progress
   * @return the completed job
   * @throws IllegalArgumentException if {@code jobId} is not a UUID, or policy or listener is null
   * @throws JobFailedException if the job failed
   * @throws JobTimeoutException if the policy's time or poll limit passed first
   */
  Job awaitCompletion(String jobId, PollingPolicy policy, ProgressListener<? super Job> listener);

  /**
   * Waits in the background with the client's default policy. The future fails with the
   * exceptions {@link #awaitCompletion(String)} throws; cancelling it stops the polling.
   *
   * @param jobId the job's UUID
   * @return a future of the completed job
   * @throws IllegalArgumentException at once if {@code jobId} is not a UUID
   */
  CompletableFuture<Job> awaitCompletionAsync(String jobId);

  /**
   * Waits in the background with the client's default policy, telling the listener about each
   * change (on the client's scheduler thread).
   *
   * @param jobId the job's UUID
   * @param listener hears the first snapshot and each change of status or progress
   * @return a future of the completed job
   * @throws IllegalArgumentException at once if {@code jobId} is not a UUID or listener is null
   */
  CompletableFuture<Job> awaitCompletionAsync(String jobId, ProgressListener<? super Job> listener);

  /**
   * Waits in the background with the given policy, telling the listener about each change.
   *
   * @param jobId the job's UUID
   * @param policy how to poll
   * @param listener hears the first snapshot and each change of status or progress
   * @return a future of the completed job
   * @throws IllegalArgumentException at once if {@code jobId} is not a UUID, or policy or
   *     listener is null
   */
  CompletableFuture<Job> awaitCompletionAsync(
      String jobId, PollingPolicy policy, ProgressListener<? super Job> listener);
}
