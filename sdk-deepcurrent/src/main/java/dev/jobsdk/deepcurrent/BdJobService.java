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
   * Downloads one asset into exactly the file {@code file}, streaming it to disk.
   *
   * <p>The parent directory must exist. An existing file is never replaced unless {@link
   * DownloadOption#REPLACE_EXISTING} is given: without it, an existing {@code file} is rejected
   * before any request is sent. The file appears only once it is complete (it is written to a
   * temporary file next to it first). To save into a directory under the server's file name, use
   * {@link #downloadAssetTo(String, String, Path, DownloadOption...)}.
   *
   * <pre>{@code
   * Path csv = client.bdJobs().downloadAsset(jobId, "verified_contacts_csv", Path.of("contacts.csv"));
   * }</pre>
   *
   * @param jobId the job id
   * @param assetId the asset id
   * @param file the file to write
   * @param options {@link DownloadOption#REPLACE_EXISTING} to replace an existing file
   * @return the file written (absolute)
   * @throws IllegalArgumentException before any request, if an argument is invalid, {@code file}
   *     is a directory, its parent directory does not exist, or it exists and may not be replaced
   * @throws java.io.UncheckedIOException if the file cannot be written (wrapping a {@link
   *     java.nio.file.FileAlreadyExistsException} if another writer created it meanwhile)
   */
  Path downloadAsset(String jobId, String assetId, Path file, DownloadOption... options);

  /**
   * Downloads one asset into the directory {@code directory}, creating the directory if it is
   * missing, and returns the file written.
   *
   * <p>The file is named by the server's {@code Content-Disposition} file name, or else by the
   * asset id, made safe on Linux, macOS and Windows: a bare name (path separators, {@code ..},
   * leading dots, control and invisible characters and {@code <>:"|?*} removed), Windows device
   * names such as {@code CON} or {@code NUL.txt} prefixed with {@code _}, at most 255 bytes in
   * UTF-8. It can never land outside {@code directory}. If that name is taken, the asset is saved
   * as {@code name (1).ext}, {@code name (2).ext}... as browsers do, unless {@link
   * DownloadOption#REPLACE_EXISTING} is given. The file appears only once it is complete.
   *
   * <pre>{@code
   * for (BdAsset asset : outcome.assets()) {
   *   Path file = client.bdJobs().downloadAssetTo(jobId, asset.assetId(), Path.of("downloads"));
   * }
   * }</pre>
   *
   * @param jobId the job id
   * @param assetId the asset id
   * @param directory the directory to save into; created with its parents if missing
   * @param options {@link DownloadOption#REPLACE_EXISTING} to replace a file of the same name
   * @return the file written (absolute)
   * @throws IllegalArgumentException before any request, if an argument is invalid or {@code
   *     directory} exists but is not a directory
   * @throws java.io.UncheckedIOException if the directory or file cannot be written
   */
  Path downloadAssetTo(String jobId, String assetId, Path directory, DownloadOption... options);

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
