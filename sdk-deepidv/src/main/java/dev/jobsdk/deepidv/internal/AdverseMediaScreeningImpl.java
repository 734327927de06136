package dev.jobsdk.deepidv.internal;

import dev.jobsdk.core.internal.DefaultJobHandle;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.AdverseMediaScreening;
import dev.jobsdk.deepidv.AsyncJob;
import dev.jobsdk.deepidv.ScreeningJob;

/** An {@link AdverseMediaScreening}: the create response next to the job's handle. */
final class AdverseMediaScreeningImpl
    extends DefaultJobHandle<AsyncJob<AdverseMediaResult>, AdverseMediaResult>
    implements AdverseMediaScreening {
  private final ScreeningJob created;

  AdverseMediaScreeningImpl(
      ScreeningJob created, DefaultJobHandle<AsyncJob<AdverseMediaResult>, AdverseMediaResult> handle) {
    super(handle);
    this.created = created;
  }

  @Override
  public ScreeningJob created() {
    return created;
  }

  @Override
  public String toString() {
    return "AdverseMediaScreening[jobId=" + created.jobId() + ", status=" + created.rawStatus() + "]";
  }
}
