package dev.jobsdk.core;

/**
 * One listener for every job of a {@link JobGroup}: each change of state or progress of any job,
 * and each job's outcome as it ends. Progress is reported on the thread that ran the poll, so keep
 * it short; an exception it throws is logged and the waits go on.
 *
 * @param <S> the vendor's snapshot type
 * @param <R> what a successful wait returns
 */
public interface JobGroupListener<S extends JobSnapshot, R> {

  /**
   * Called when a job's state or progress changed.
   *
   * @param snapshot the job's new snapshot ({@link JobSnapshot#id()} says which job)
   */
  default void onProgress(S snapshot) {}

  /**
   * Called once per job, when its wait ends.
   *
   * @param outcome how it ended
   */
  default void onOutcome(JobOutcome<S, R> outcome) {}

  /**
   * Returns a listener that does nothing.
   *
   * @param <S> the snapshot type
   * @param <R> the result type
   * @return the listener
   */
  static <S extends JobSnapshot, R> JobGroupListener<S, R> none() {
    return new JobGroupListener<>() {};
  }
}
