package dev.jobsdk.deepidv.internal;

import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.AdverseMediaScreening;
import dev.jobsdk.deepidv.AsyncJob;
import dev.jobsdk.deepidv.ScreeningJob;
import java.util.concurrent.CompletableFuture;

/** An {@link AdverseMediaScreening}: the create response next to the job's handle. */
final class AdverseMediaScreeningImpl implements AdverseMediaScreening {
  private final ScreeningJob created;
  private final JobHandle<AsyncJob<AdverseMediaResult>, AdverseMediaResult> handle;

  AdverseMediaScreeningImpl(
      ScreeningJob created, JobHandle<AsyncJob<AdverseMediaResult>, AdverseMediaResult> handle) {
    this.created = created;
    this.handle = handle;
  }

  @Override
  public ScreeningJob created() {
    return created;
  }

  @Override
  public String id() {
    return created.jobId();
  }

  @Override
  public AsyncJob<AdverseMediaResult> retrieve() {
    return handle.retrieve();
  }

  @Override
  public AdverseMediaResult awaitCompletion() {
    return handle.awaitCompletion();
  }

  @Override
  public AdverseMediaResult awaitCompletion(PollingPolicy policy) {
    return handle.awaitCompletion(policy);
  }

  @Override
  public AdverseMediaResult awaitCompletion(
      PollingPolicy policy, ProgressListener<? super AsyncJob<AdverseMediaResult>> listener) {
    return handle.awaitCompletion(policy, listener);
  }

  @Override
  public CompletableFuture<AdverseMediaResult> awaitCompletionAsync() {
    return handle.awaitCompletionAsync();
  }

  @Override
  public CompletableFuture<AdverseMediaResult> awaitCompletionAsync(
      PollingPolicy policy, ProgressListener<? super AsyncJob<AdverseMediaResult>> listener) {
    return handle.awaitCompletionAsync(policy, listener);
  }

  @Override
  public String toString() {
    return "AdverseMediaScreening[jobId=" + created.jobId() + ", status=" + created.rawStatus() + "]";
  }
}
