package dev.jobsdk.deepidv;

import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.JobHandle;

/**
 * DeepIDV async jobs ({@code GET /v1/async-jobs/{jobId}}): look at any job once, or wait for it to
 * end. Obtained from {@link DeepIdvClient#asyncJobs()}; thread-safe.
 *
 * <p>The API does not say which endpoint created a job, so the caller names the type its result
 * is read as: {@link AdverseMediaResult} for a screening, {@link JsonValue} or {@code Map.class} for
 * kinds this SDK does not model, or a record whose components are named like the result's fields.
 *
 * <p>Waits go through a handle ({@link #handle(String, Class)}, or the screening a create
 * returned).
 *
 * <p>Job ids go into the URL path as one encoded segment; a blank id or one containing {@code /},
 * {@code \}, {@code ..} or control characters is rejected with {@link IllegalArgumentException}
 * before any request. Other ids are sent as given: DeepIDV issues UUIDs and answers 400 ({@link
 * dev.jobsdk.core.BadRequestException}) for a malformed one, but the SDK does not hard-code the
 * format, so a future id scheme keeps working.
 *
 * <p>Errors: 401 {@link dev.jobsdk.core.AuthenticationException} (invalid key), 403 {@link
 * dev.jobsdk.core.PermissionDeniedException} (missing key, or another organisation's job), 404
 * {@link dev.jobsdk.core.NotFoundException} (unknown or expired id) and, during a wait that has
 * already seen the job, {@link JobExpiredException}.
 */
public interface AsyncJobService {

  /**
   * Fetches a job once, with its result (if ready) as a {@link JsonValue}.
   *
   * @param jobId the job's id
   * @return the job
   * @throws dev.jobsdk.core.NotFoundException if the job does not exist or has expired
   */
  AsyncJob<JsonValue> retrieve(String jobId);

  /**
   * Fetches a job once, with its result (if ready) read as {@code resultType}.
   *
   * @param jobId the job's id
   * @param resultType the result's type, such as {@code AdverseMediaResult.class}
   * @param <R> the result type
   * @return the job
   * @throws dev.jobsdk.core.NotFoundException if the job does not exist or has expired
   * @throws dev.jobsdk.core.InvalidResponseException if the result cannot be read as {@code
   *     resultType}
   */
  <R> AsyncJob<R> retrieve(String jobId, Class<R> resultType);

  /**
   * Returns a handle on an existing job, with its result (when ready) as a {@link JsonValue}; see
   * {@link #handle(String, Class)}.
   *
   * @param jobId the job's id
   * @return the handle
   * @throws IllegalArgumentException if jobId is invalid
   */
  JobHandle<AsyncJob<JsonValue>, JsonValue> handle(String jobId);

  /**
   * Returns a handle on an existing job, to look at it or wait for it, for example one whose id
   * was stored before a restart. Waiting returns the result of the ready job, or throws {@link
   * dev.jobsdk.core.JobFailedException} whose snapshot is the {@link AsyncJob.Failed} job.
   * Nothing is sent until the handle is used. A 404 before the handle has seen the job is a
   * {@link dev.jobsdk.core.NotFoundException} (unknown or long-expired id); a 404 during a wait
   * that has seen it is a {@link JobExpiredException}.
   *
   * @param jobId the job's id
   * @param resultType the result's type
   * @param <R> the result type
   * @return the handle
   */
  <R> JobHandle<AsyncJob<R>, R> handle(String jobId, Class<R> resultType);


}
