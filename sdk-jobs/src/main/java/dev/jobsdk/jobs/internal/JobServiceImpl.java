package dev.jobsdk.jobs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import dev.jobsdk.core.internal.ApiRequest;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.internal.ClientRuntime;
import dev.jobsdk.core.internal.DefaultJobHandle;
import dev.jobsdk.jobs.Job;
import dev.jobsdk.jobs.JobService;
import java.util.concurrent.CompletableFuture;

/** {@code GET /api/jobs/:id} and the waits built on it. */
public final class JobServiceImpl implements JobService {
  static final String JOBS = "/api/jobs";

  private final ClientRuntime runtime;

  /**
   * Creates the service.
   *
   * @param runtime the client's runtime
   */
  public JobServiceImpl(ClientRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public Job retrieve(String jobId) {
    return fetch(Ids.uuid(jobId, "jobId"), false);
  }

  /** One GET; polls skip the transport's retries, since the poller has its own error budget. */
  private Job fetch(String jobId, boolean poll) {
    ApiRequest request = ApiRequest.get(JOBS).segment("jobId", jobId);
    if (poll) {
      request.noRetry();
    }
    JsonNode body = runtime.transport().json(request, JsonNode.class);
    return JobJson.parse(body, "GET " + JOBS + "/" + jobId);
  }

  @Override
  public Job awaitCompletion(String jobId) {
    return await(Ids.uuid(jobId, "jobId"), null, null);
  }

  @Override
  public Job awaitCompletion(String jobId, PollingPolicy policy) {
    Ids.uuid(jobId, "jobId");
    return await(jobId, Checks.notNull(policy, "policy"), null);
  }

  @Override
  public Job awaitCompletion(String jobId, ProgressListener<? super Job> listener) {
    Ids.uuid(jobId, "jobId");
    return await(jobId, null, Checks.notNull(listener, "listener"));
  }

  @Override
  public Job awaitCompletion(
      String jobId, PollingPolicy policy, ProgressListener<? super Job> listener) {
    Ids.uuid(jobId, "jobId");
    Checks.notNull(policy, "policy");
    return await(jobId, policy, Checks.notNull(listener, "listener"));
  }

  @Override
  public CompletableFuture<Job> awaitCompletionAsync(String jobId) {
    return awaitAsync(Ids.uuid(jobId, "jobId"), null, null);
  }

  @Override
  public CompletableFuture<Job> awaitCompletionAsync(
      String jobId, ProgressListener<? super Job> listener) {
    Ids.uuid(jobId, "jobId");
    return awaitAsync(jobId, null, Checks.notNull(listener, "listener"));
  }

  @Override
  public CompletableFuture<Job> awaitCompletionAsync(
      String jobId, PollingPolicy policy, ProgressListener<? super Job> listener) {
    Ids.uuid(jobId, "jobId");
    Checks.notNull(policy, "policy");
    return awaitAsync(jobId, policy, Checks.notNull(listener, "listener"));
  }

  private Job await(String jobId, PollingPolicy policy, ProgressListener<? super Job> listener) {
    return runtime.await(jobId, () -> fetch(jobId, true), policy, listener);
  }

  private CompletableFuture<Job> awaitAsync(
      String jobId, PollingPolicy policy, ProgressListener<? super Job> listener) {
    return runtime.awaitAsync(jobId, () -> fetch(jobId, true), policy, listener);
  }

  /**
   * Returns a handle on a job a creator just started.
   *
   * @param jobId the job's UUID, already validated
   * @return the handle
   */
  JobHandle<Job, Job> handle(String jobId) {
    return new DefaultJobHandle<>(
        jobId,
        () -> fetch(jobId, false),
        (policy, listener) -> await(jobId, policy, listener),
        (policy, listener) -> awaitAsync(jobId, policy, listener));
  }

  @Override
  public String toString() {
    return "JobService";
  }
}
