package dev.jobsdk.jobs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import dev.jobsdk.core.internal.ApiRequest;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.internal.ClientRuntime;
import dev.jobsdk.core.internal.DefaultJobHandle;
import dev.jobsdk.core.internal.Transport;
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
    Transport.Answer answer = runtime.transport().answer(request);
    return JobJson.parse(answer.json(), answer.body(), "GET " + JOBS + "/" + jobId);
  }

  private Job await(String jobId, PollingPolicy policy, ProgressListener<? super Job> listener) {
    return runtime.await(jobId, () -> fetch(jobId, true), policy, listener);
  }

  private CompletableFuture<Job> awaitAsync(
      String jobId, PollingPolicy policy, ProgressListener<? super Job> listener) {
    return runtime.awaitAsync(jobId, () -> fetch(jobId, true), policy, listener);
  }

  @Override
  public JobHandle<Job, Job> handle(String jobId) {
    Ids.uuid(jobId, "jobId");
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
