package dev.jobsdk.jobs;

import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.JobTimeoutException;
import dev.jobsdk.core.NotFoundException;
import dev.jobsdk.core.PermissionDeniedException;
import dev.jobsdk.core.JobHandle;

/**
 * Reads and awaits Risk Intelligence Tool jobs: {@code GET /api/jobs/:id}. Obtain it from {@link
 * JobsClient#jobs()}; thread-safe.
 *
 * <p>A job id must be a UUID; anything else is rejected with an {@link IllegalArgumentException}
 * before a request is sent. A job that belongs to another user fails with a {@link
 * PermissionDeniedException} ("You do not own this job"), an unknown one with a {@link
 * NotFoundException}.
 *
 * <p>Waits go through {@link #handle(String)} (or the handle a creator returned). A wait polls
 * until the job is {@link JobStatus#COMPLETED} and returns that job, or throws a
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
   * Returns a handle on an existing job, to look at it or wait for it, for example one whose id
   * was stored before a restart. Nothing is sent until the handle is used.
   *
   * <pre>{@code
   * Job done = client.jobs().handle(jobId).awaitCompletion();
   * }</pre>
   *
   * @param jobId the job's UUID
   * @return the handle; waiting returns the completed job, and throws {@link JobFailedException}
   *     (whose {@link JobFailedException#snapshot()} is the failed {@link Job}) or {@link
   *     JobTimeoutException}
   * @throws IllegalArgumentException if {@code jobId} is not a UUID
   */
  JobHandle<Job, Job> handle(String jobId);
}
