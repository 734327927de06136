package dev.jobsdk.deepidv;

import dev.jobsdk.core.JobHandle;

/**
 * A started adverse-media screening: the create response, and the {@link JobHandle} to look at the
 * job and wait for its {@link AdverseMediaResult}.
 *
 * <pre>{@code
 * AdverseMediaScreening screening = client.screening().adverseMedia(request);
 * AdverseMediaResult result = screening.awaitCompletion();
 * }</pre>
 *
 * <p>The handle knows the job exists, so a 404 from any of its calls means the job has expired:
 * it is reported as {@link JobExpiredException}. Handles are immutable and thread-safe; each wait
 * polls on its own.
 */
public interface AdverseMediaScreening extends JobHandle<AsyncJob<AdverseMediaResult>, AdverseMediaResult> {

  /**
   * Returns what the server answered when the screening was requested.
   *
   * @return the create response, with the idempotency key it was sent with
   */
  ScreeningJob created();
}
