package dev.jobsdk.core;

import java.util.Objects;
import java.util.Optional;

/**
 * How one job of a {@link JobGroup} ended: its result, or the exception its wait ended with. A
 * failed job is an outcome like any other; it never fails the group.
 *
 * @param <S> the vendor's snapshot type
 * @param <R> what a successful wait returns
 */
public final class JobOutcome<S extends JobSnapshot, R> {

  /** How a job's wait ended. */
  public enum Status {
    /** The job succeeded; {@link #result()} holds its result. */
    SUCCEEDED,
    /**
     * The wait ended with an exception ({@link #failure()}): the job failed or was cancelled on the
     * server, the wait timed out (the group's deadline included), a poll failed for good, or the
     * client was closed.
     */
    FAILED,
    /** The wait was cancelled on the client ({@link JobGroup#cancelAll()}); the job may go on. */
    CANCELLED
  }

  private final JobHandle<S, R> handle;
  private final Status status;
  private final R result;
  private final RuntimeException failure;

  private JobOutcome(JobHandle<S, R> handle, Status status, R result, RuntimeException failure) {
    this.handle = Objects.requireNonNull(handle, "handle");
    this.status = status;
    this.result = result;
    this.failure = failure;
  }

  /**
   * Returns the outcome of a job that succeeded.
   *
   * @param handle the job
   * @param result its result
   * @param <S> the snapshot type
   * @param <R> the result type
   * @return the outcome
   */
  public static <S extends JobSnapshot, R> JobOutcome<S, R> succeeded(JobHandle<S, R> handle, R result) {
    return new JobOutcome<>(handle, Status.SUCCEEDED, result, null);
  }

  /**
   * Returns the outcome of a wait that ended with an exception.
   *
   * @param handle the job
   * @param failure what the wait ended with
   * @param <S> the snapshot type
   * @param <R> the result type
   * @return the outcome
   */
  public static <S extends JobSnapshot, R> JobOutcome<S, R> failed(
      JobHandle<S, R> handle, RuntimeException failure) {
    return new JobOutcome<>(handle, Status.FAILED, null, Objects.requireNonNull(failure, "failure"));
  }

  /**
   * Returns the outcome of a wait cancelled on the client.
   *
   * @param handle the job
   * @param cancellation the cancellation
   * @param <S> the snapshot type
   * @param <R> the result type
   * @return the outcome
   */
  public static <S extends JobSnapshot, R> JobOutcome<S, R> cancelled(
      JobHandle<S, R> handle, RuntimeException cancellation) {
    return new JobOutcome<>(handle, Status.CANCELLED, null, cancellation);
  }

  /**
   * Returns the job's id.
   *
   * @return the id
   */
  public String jobId() {
    return handle.id();
  }

  /**
   * Returns the job's handle, to retrieve it again or wait for it anew.
   *
   * @return the handle
   */
  public JobHandle<S, R> handle() {
    return handle;
  }

  /**
   * Returns how the wait ended.
   *
   * @return the status
   */
  public Status status() {
    return status;
  }

  /**
   * Returns whether the job succeeded.
   *
   * @return true if {@link #status()} is {@link Status#SUCCEEDED}
   */
  public boolean succeeded() {
    return status == Status.SUCCEEDED;
  }

  /**
   * Returns the result of a job that succeeded.
   *
   * @return the result, or empty if the job did not succeed (or its result is null)
   */
  public Optional<R> result() {
    return Optional.ofNullable(result);
  }

  /**
   * Returns the result, or throws what the wait ended with.
   *
   * @return the result of a job that succeeded
   * @throws RuntimeException the wait's exception, for example {@link JobFailedException}
   */
  public R resultOrThrow() {
    if (status == Status.SUCCEEDED) {
      return result;
    }
    throw failure;
  }

  /**
   * Returns what the wait ended with.
   *
   * @return the exception, or empty for a job that succeeded
   */
  public Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    return "JobOutcome[" + handle.id() + ", " + status
        + (failure == null ? "" : ", " + failure.getClass().getSimpleName()) + "]";
  }
}
