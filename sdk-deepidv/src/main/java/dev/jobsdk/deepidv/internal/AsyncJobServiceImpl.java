package dev.jobsdk.deepidv.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.NotFoundException;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import dev.jobsdk.core.internal.ApiRequest;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.internal.ClientRuntime;
import dev.jobsdk.core.internal.DefaultJobHandle;
import dev.jobsdk.deepidv.AsyncJob;
import dev.jobsdk.deepidv.AsyncJobService;
import dev.jobsdk.deepidv.JobExpiredException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** {@link AsyncJobService} over {@code GET /v1/async-jobs/{jobId}}. */
public final class AsyncJobServiceImpl implements AsyncJobService {
  private static final String PATH = "/v1/async-jobs";

  private final ClientRuntime runtime;

  /**
   * Creates the service.
   *
   * @param runtime the client's runtime
   */
  public AsyncJobServiceImpl(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public AsyncJob<JsonValue> retrieve(String jobId) {
    return retrieve(jobId, JsonValue.class);
  }

  @Override
  public <R> AsyncJob<R> retrieve(String jobId, Class<R> resultType) {
    checkId(jobId);
    Checks.notNull(resultType, "resultType");
    return fetch(jobId, resultType, false);
  }

  @Override
  public <R> JobHandle<AsyncJob<R>, R> handle(String jobId, Class<R> resultType) {
    checkId(jobId);
    Checks.notNull(resultType, "resultType");
    return handleOf(jobId, resultType, false);
  }

  @Override
  public JobHandle<AsyncJob<JsonValue>, JsonValue> handle(String jobId) {
    return handle(jobId, JsonValue.class);
  }

  /**
   * Returns a handle on a job. A 404 after a wait has seen the job means it expired ({@link
   * JobExpiredException}); so does any 404 for a job known to exist, such as one this client just
   * created.
   *
   * @param jobId the job's id, already checked
   * @param resultType the result type
   * @param knownToExist whether the job certainly existed (it was just created)
   * @param <R> the result type
   * @return the handle
   */
  <R> DefaultJobHandle<AsyncJob<R>, R> handleOf(
      String jobId, Class<R> resultType, boolean knownToExist) {
    return new DefaultJobHandle<>(
        jobId,
        () -> expiryAware(jobId, resultType, knownToExist, false).get(),
        (policy, listener) -> await(jobId, resultType, knownToExist, policy, listener),
        (policy, listener) -> awaitAsync(jobId, resultType, knownToExist, policy, listener));
  }

  private <R> R await(
      String jobId,
      Class<R> resultType,
      boolean knownToExist,
      PollingPolicy policy,
      ProgressListener<? super AsyncJob<R>> listener) {
    AsyncJob<R> done =
        runtime.await(jobId, expiryAware(jobId, resultType, knownToExist, true), policy, listener);
    return resultOf(done);
  }

  private <R> CompletableFuture<R> awaitAsync(
      String jobId,
      Class<R> resultType,
      boolean knownToExist,
      PollingPolicy policy,
      ProgressListener<? super AsyncJob<R>> listener) {
    return DefaultJobHandle.map(
        runtime.awaitAsync(
            jobId, expiryAware(jobId, resultType, knownToExist, true), policy, listener),
        AsyncJobServiceImpl::resultOf);
  }

  /**
   * Returns a fetch of the job that remembers whether the job was seen: once it was (or if it is
   * known to exist), a 404 becomes {@link JobExpiredException}. One supplier per wait.
   */
  private <R> Supplier<AsyncJob<R>> expiryAware(
      String jobId, Class<R> resultType, boolean knownToExist, boolean poll) {
    return new Supplier<>() {
      private volatile boolean seen = knownToExist;
      private volatile AsyncJob<R> last;

      @Override
      public AsyncJob<R> get() {
        try {
          AsyncJob<R> job = fetch(jobId, resultType, poll);
          last = job;
          seen = true;
          return job;
        } catch (JobExpiredException e) {
          throw e;
        } catch (NotFoundException e) {
          if (seen) {
            throw new JobExpiredException(e, jobId, last);
          }
          throw e;
        }
      }
    };
  }

  private <R> AsyncJob<R> fetch(String jobId, Class<R> resultType, boolean poll) {
    ApiRequest request = ApiRequest.get(PATH).segment("jobId", jobId);
    if (poll) {
      // The poller's error budget and back-off handle a failed poll; no transport retry on top.
      request.noRetry();
    }
    // Decoded from the bytes in one pass: this is the call every poll makes.
    return runtime
        .transport()
        .decode(
            request,
            (status, body, charset) ->
                AsyncJobParser.parse(body, charset, resultType, request::toString));
  }

  private static <R> R resultOf(AsyncJob<R> job) {
    if (job instanceof AsyncJob.Ready<R> ready) {
      return ready.result();
    }
    // The poller completes a wait only with a SUCCEEDED snapshot, and only Ready maps to it.
    throw new IllegalStateException("wait for job " + job.jobId() + " ended without a result");
  }

  private static void checkId(String jobId) {
    Checks.pathSegment(jobId, "jobId");
  }

  @Override
  public String toString() {
    return "AsyncJobService[" + PATH + "]";
  }
}
