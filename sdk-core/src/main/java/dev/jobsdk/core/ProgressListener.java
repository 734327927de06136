package dev.jobsdk.core;

/**
 * Receives a job's snapshots while a wait is in progress.
 *
 * <p>The poller calls the listener once for the first snapshot and then once per change of state or
 * progress, not once per poll; calls arrive in order, one at a time, and the terminal snapshot (when
 * the job ends) is the last call. An exception thrown by the listener is logged and does not end
 * the wait.
 *
 * @param <S> the vendor's snapshot type
 */
@FunctionalInterface
public interface ProgressListener<S> {

  /**
   * Called with a snapshot whose state or progress differs from the previous call's.
   *
   * @param snapshot the job as last polled
   */
  void onProgress(S snapshot);

  /**
   * Returns a listener that ignores every snapshot.
   *
   * @param <S> the snapshot type
   * @return a no-op listener
   */
  static <S> ProgressListener<S> none() {
    return snapshot -> {};
  }
}
