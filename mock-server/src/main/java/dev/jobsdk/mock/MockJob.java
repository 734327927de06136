package dev.jobsdk.mock;

import java.time.Instant;
import java.util.Objects;

/**
 * A vendor-neutral snapshot of one job held by the mock server, taken at the server clock's current
 * instant.
 *
 * @param id the job id the vendor API shows
 * @param vendor the vendor that owns the job
 * @param kind the kind of job: {@code bd_job} or {@code growth_run} (DeepCurrent),
 *     {@code adverse_media} (DeepIDV), or the Risk tool's job type such as {@code AI_PREVIEW}
 * @param owner who created it: the API key (DeepCurrent, DeepIDV) or the user's email (Risk tool)
 * @param status the status the vendor API shows now, in the vendor's words (e.g. {@code running},
 *     {@code ready}, {@code COMPLETED}), or {@code expired} once the job answers 404
 * @param createdAt when the job was created
 */
public record MockJob(String id, Vendor vendor, String kind, String owner, String status, Instant createdAt) {
  /**
   * Validates the snapshot.
   *
   * @param id the job id
   * @param vendor the vendor
   * @param kind the kind of job
   * @param owner the creator
   * @param status the visible status
   * @param createdAt the creation instant
   */
  public MockJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
