package dev.jobsdk.mock;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A vendor-neutral view of every job the server holds, for assertions and for forcing states.
 * Obtained from {@link MockJobServer#jobs()}; not meant to be implemented outside the mock server.
 */
public interface MockJobs {

  /**
   * Lists all jobs in creation order, each as seen at the server clock's current instant. A job
   * chained by the Risk tool (GAP_DETECTION after a parse) appears once its parent has completed.
   *
   * @return an immutable list of snapshots
   */
  List<MockJob> list();

  /**
   * Returns one job.
   *
   * @param id the job id
   * @return the job as seen now
   * @throws NoSuchElementException when the server holds no such job
   */
  MockJob get(String id);

  /**
   * Returns one job if the server holds it.
   *
   * @param id the job id
   * @return the job as seen now, or empty
   */
  Optional<MockJob> find(String id);

  /**
   * Pins a job in a state from now on: it stops following its lifecycle. Timestamps of the new state
   * (started, completed, updated) are the current instant. Accepted statuses are the vendor's own
   * words, case-insensitive ({@code pending running completed failed cancelled} for DeepCurrent,
   * {@code pending processing ready failed} for DeepIDV, {@code PENDING PROCESSING COMPLETED FAILED}
   * for the Risk tool) plus the neutral {@code running}, {@code succeeded} and {@code expired} (404
   * from now on). A forced failure's error is {@code "Forced failure by the mock."}.
   *
   * @param id the job id
   * @param status the status to show
   * @return the job as seen after the change
   * @throws NoSuchElementException when the server holds no such job
   * @throws IllegalArgumentException when the status means nothing for this vendor
   */
  MockJob forceState(String id, String status);
}
