package dev.jobsdk.deepidv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import java.util.concurrent.CompletableFuture;

/**
 * DeepIDV async jobs ({@code GET /v1/async-jobs/{jobId}}): look at any job once, or wait for it to
 * end. Obtained from {@link DeepIdvClient#asyncJobs()}; thread-safe.
 *
 * <p>The API does not say which endpoint created a job, so the caller names the type its result
 * is read as: {@link AdverseMediaResult} for a screening, {@link JsonNode} or {@code Map.class} for
 * kinds this SDK does not model, or any class Jackson can bind.
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
   * Fetches a job once, with its result (if ready) as a {@link JsonNode}.
   *
   * @param jobId the job's id
   * @return the job
   * @throws dev.jobsdk.core.NotFoundException if the job does not exist or has expired
   */
  AsyncJob<JsonNode> retrieve(String jobId);

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
   * Returns a handle on an existing job, for example one whose id was stored before a restart.
   * Nothing is sent until the handle is used. Unlike {@link #retrieve(String, Class)}, the handle
   * assumes the job exists, so a 404 from it is reported as {@link JobExpiredException}.
   *
   * @param jobId the job's id
   * @param resultType the result's type
   * @param <R> the result type
   * @return the handle
   */
  <R> JobHandle<AsyncJob<R>, R> handle(String jobId, Class<R> resultType);

  /**
   * Waits with the client's default policy until the job is ready or failed, and returns its
   * result.
   *
   * @param jobId the job's id
   * @param resultType the result's type
   * @param <R> the result type
   * @return the result of the ready job
   * @throws dev.jobsdk.core.JobFailedException if the job failed; its snapshot is the {@link
   *     AsyncJob.Failed} job with the server's error
   * @throws JobExpiredException if the job answered 404 after the wait had seen it
   * @throws dev.jobsdk.core.NotFoundException if the first poll answered 404
   * @throws dev.jobsdk.core.JobTimeoutException if the policy's total timeout passed
   */
  <R> R awaitCompletion(String jobId, Class<R> resultType);

  /**
   * Waits with {@code policy} until the job is ready or failed, and returns its result.
   *
   * @param jobId the job's id
   * @param resultType the result's type
   * @param policy the policy of this wait
   * @param <R> the result type
   * @return the result of the ready job
   */
  <R> R awaitCompletion(String jobId, Class<R> resultType, PollingPolicy policy);

  /**
   * Waits with {@code policy} until the job is ready or failed, telling {@code listener} about each
   * change of status, and returns its result.
   *
   * @param jobId the job's id
   * @param resultType the result's type
   * @param policy the policy of this wait
   * @param listener receives each new status
   * @param <R> the result type
   * @return the result of the ready job
   */
  <R> R awaitCompletion(
      String jobId,
      Class<R> resultType,
      PollingPolicy policy,
      ProgressListener<? super AsyncJob<R>> listener);

  /**
   * Waits asynchronously with the client's default policy. Cancelling the future stops polling.
   *
   * @param jobId the job's id
   * @param resultType the result's type
   * @param <R> the result type
   * @return a future of the result; it fails with the exceptions {@link #awaitCompletion(String,
   *     Class)} throws
   */
  <R> CompletableFuture<R> awaitCompletionAsync(String jobId, Class<R> resultType);

  /**
   * Waits asynchronously with {@code policy}, telling {@code listener} about each change of status.
   * Cancelling the future stops polling.
   *
   * @param jobId the job's id
   * @param resultType the result's type
   * @param policy the policy of this wait
   * @param listener receives each new status
   * @param <R> the result type
   * @return a future of the result
   */
  <R> CompletableFuture<R> awaitCompletionAsync(
      String jobId,
      Class<R> resultType,
      PollingPolicy policy,
      ProgressListener<? super AsyncJob<R>> listener);
}
