package dev.jobsdk.deepcurrent;

import java.nio.file.Path;

/**
 * BD jobs: create one, look at it, wait for it, and read and download its result. Obtained from
 * {@link DeepCurrentClient#bdJobs()}; thread-safe.
 *
 * <p>Every id is validated before a request is sent: null, blank, or containing {@code /}, {@code
 * \}, {@code ..} or control characters (also percent-encoded) is an {@link
 * IllegalArgumentException}. Errors of the API arrive as the core's exceptions: 402 (not enough
 * credits) as {@link dev.jobsdk.core.PaymentRequiredException}, 403 (no paid subscription) as
 * {@link dev.jobsdk.core.PermissionDeniedException}, 404 (no such job, or another account's) as
 * {@link dev.jobsdk.core.NotFoundException}, each with the server's {@code detail} as its {@code
 * errorMessage()}.
 *
 * <p>Waits go through a {@link BdJobHandle}, from {@link #create} or {@link #handle(String)}: they
 * poll {@code GET /api/v1/bd/jobs/{job_id}} with the client's default policy unless the {@link
 * dev.jobsdk.core.WaitOptions} give one (see {@link DeepCurrentClient#DEFAULT_POLLING_POLICY}).
 */
public interface BdJobService {

  /**
   * Creates a BD job ({@code POST /api/v1/bd/jobs}; needs a paid subscription and costs credits).
   * The request is sent once: it is never retried, so a failure cannot create two jobs.
   *
   * @param request what to run
   * @return a handle on the created job
   * @throws IllegalArgumentException if request is null
   * @throws dev.jobsdk.core.PaymentRequiredException if the account lacks credits (402)
   * @throws dev.jobsdk.core.PermissionDeniedException if the account has no paid subscription
   *     (403)
   */
  BdJobHandle create(BdJobRequest request);

  /**
   * Fetches a job's current status and progress once.
   *
   * @param jobId the job id
   * @return the job
   * @throws dev.jobsdk.core.NotFoundException if there is no such job on this account
   */
  BdJob retrieve(String jobId);

  /**
   * Fetches a job's result ({@code GET /api/v1/bd/jobs/{job_id}/result}). The endpoint answers at
   * any status; {@link BdJobResult#isAvailable()} is false until the job has produced a result.
   *
   * @param jobId the job id
   * @return the result, with its assets
   */
  BdJobResult result(String jobId);

  /**
   * Downloads one asset as a stream ({@code GET /api/v1/bd/jobs/{job_id}/assets/{asset_id}}). The
   * caller must close it.
   *
   * @param jobId the job id
   * @param assetId the asset id, such as {@code verified_contacts}
   * @return the open download
   */
  AssetDownload downloadAsset(String jobId, String assetId);

  /**
   * Downloads one asset into a file, streaming it to disk.
   *
   * <p>If {@code target} is an existing directory, the file is created in it, named by the
   * server's {@code Content-Disposition} file name or else by the asset id, either reduced to a
   * bare file name (path separators, {@code ..}, leading dots and control characters removed), so
   * the file can never land outside that directory. Otherwise {@code target} is the file to write,
   * and its parent directory must exist. An existing file is replaced; the file appears only once
   * it is complete (it is written to a temporary file next to it first).
   *
   * @param jobId the job id
   * @param assetId the asset id
   * @param target a directory, or the file to write
   * @return the file written
   * @throws IllegalArgumentException if an argument is invalid or target's parent directory does
   *     not exist (before any request is sent)
   * @throws java.io.UncheckedIOException if the file cannot be written
   */
  Path downloadAsset(String jobId, String assetId, Path target);

  /**
   * Returns a handle on an existing job, to look at it or wait for it, for example one whose id was
   * stored before a restart. Nothing is sent until the handle is used.
   *
   * <pre>{@code
   * BdJob done = client.bdJobs().handle(jobId).awaitCompletion();
   * BdJobOutcome outcome = client.bdJobs().handle(jobId).awaitResult(WaitOptions.of(patient));
   * }</pre>
   *
   * @param jobId the job id
   * @return the handle; its {@link BdJobHandle#created()} is empty
   * @throws IllegalArgumentException if jobId is invalid
   */
  BdJobHandle handle(String jobId);
}
