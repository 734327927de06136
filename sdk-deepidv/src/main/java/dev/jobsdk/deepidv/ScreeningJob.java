package dev.jobsdk.deepidv;

import dev.jobsdk.core.JobState;
import dev.jobsdk.deepidv.internal.Statuses;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code POST /v1/screening/adverse-media} answered: the job's id and status, and whether it
 * is a new screening or a replay. The server answers 202 for a new job and 200 when the
 * idempotency key was seen before (a replay, {@link #replayed()}): then no second screening was
 * created (nor charged), and the status may already be past {@code pending}.
 *
 * @param jobId the id of the job to poll
 * @param rawStatus the job's status exactly as sent, such as {@code pending}
 * @param message the server's message, such as {@code "Screening job queued."}, if any
 * @param idempotencyKey the {@code Idempotency-Key} the request was sent with; sending the same
 *     request with it again returns this job instead of creating another
 * @param replayed true when the server answered 200: the key had created this job before, so this
 *     call started nothing new; false for 202, a new screening
 */
public record ScreeningJob(
    String jobId,
    String rawStatus,
    Optional<String> message,
    String idempotencyKey,
    boolean replayed) {

  /**
   * Checks the components.
   *
   * @param jobId the job id
   * @param rawStatus the status as sent
   * @param message the message
   * @param idempotencyKey the idempotency key
   * @param replayed whether the server answered with an existing job (200)
   */
  public ScreeningJob {
    Objects.requireNonNull(jobId, "jobId");
    rawStatus = rawStatus == null ? "" : rawStatus;
    message = message == null ? Optional.empty() : message;
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
  }

  /**
   * Returns the vendor-neutral state of {@link #rawStatus()}.
   *
   * @return the state; {@link JobState#UNKNOWN} for a status this SDK does not know
   */
  public JobState state() {
    return Statuses.state(rawStatus);
  }
}
