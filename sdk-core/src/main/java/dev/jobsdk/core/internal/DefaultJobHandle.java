package dev.jobsdk.core.internal;

import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import dev.jobsdk.core.WaitOptions;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link JobHandle} over a vendor's retrieve and wait functions. Vendor handles that add methods
 * of their own (the create response, say) extend it rather than re-delegating every wait.
 *
 * @param <S> the snapshot type
 * @param <R> the result type
 */
public class DefaultJobHandle<S extends JobSnapshot, R> implements JobHandle<S, R> {

  /**
   * A vendor's asynchronous wait for one job.
   *
   * @param <S> the snapshot type
   * @param <R> the result type
   */
  @FunctionalInterface
  public interface AsyncWait<S, R> {
    /**
     * Starts a wait.
     *
     * @param policy the policy, or null for the client's default
     * @param listener the listener, or null
     * @return a future of the result
     */
    CompletableFuture<R> start(PollingPolicy policy, ProgressListener<? super S> listener);
  }

  /**
   * A vendor's blocking wait for one job.
   *
   * @param <S> the snapshot type
   * @param <R> the result type
   */
  @FunctionalInterface
  public interface Wait<S, R> {
    /**
     * Waits.
     *
     * @param policy the policy, or null for the client's default
     * @param listener the listener, or null
     * @return the result
     */
    R await(PollingPolicy policy, ProgressListener<? super S> listener);
  }

  private final String id;
  private final Supplier<S> retrieve;
  private final Wait<S, R> await;
  private final AsyncWait<S, R> awaitAsync;

  /**
   * Creates a handle.
   *
   * @param id the job id
   * @param retrieve fetches the job once
   * @param await the blocking wait
   * @param awaitAsync the asynchronous wait
   */
  public DefaultJobHandle(
      String id, Supplier<S> retrieve, Wait<S, R> await, AsyncWait<S, R> awaitAsync) {
    this.id = id;
    this.retrieve = retrieve;
    this.await = await;
    this.awaitAsync = awaitAsync;
  }

  /**
   * Creates a handle for the same job as {@code other}, for subclasses that add to it.
   *
   * @param other the handle to copy
   */
  protected DefaultJobHandle(DefaultJobHandle<S, R> other) {
    this(other.id, other.retrieve, other.await, other.awaitAsync);
  }

  /**
   * Maps a snapshot wait to a result wait.
   *
   * @param wait the snapshot future
   * @param mapper snapshot to result
   * @param <S> the snapshot type
   * @param <R> the result type
   * @return the result future
   */
  public static <S, R> CompletableFuture<R> map(CompletableFuture<S> wait, Function<S, R> mapper) {
    CompletableFuture<R> mapped = wait.thenApply(mapper);
    mapped.whenComplete(
        (r, e) -> {
          if (mapped.isCancelled()) {
            wait.cancel(false);
          }
        });
    return mapped;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final S retrieve() {
    return retrieve.get();
  }

  @Override
  public final R awaitCompletion(WaitOptions<? super S> options) {
    Checks.notNull(options, "options");
    return await.await(options.policy().orElse(null), listenerOf(options));
  }

  @Override
  public final CompletableFuture<R> awaitCompletionAsync(WaitOptions<? super S> options) {
    Checks.notNull(options, "options");
    return awaitAsync.start(options.policy().orElse(null), listenerOf(options));
  }

  /**
   * Returns the listener of {@code options} typed for this handle's snapshots.
   *
   * @param options the options
   * @param <S> the snapshot type
   * @return the listener, or null for none
   */
  @SuppressWarnings("unchecked")
  public static <S> ProgressListener<? super S> listenerOf(WaitOptions<? super S> options) {
    return (ProgressListener<? super S>) options.listener().orElse(null);
  }

  @Override
  public String toString() {
    return "JobHandle[" + id + "]";
  }
}
