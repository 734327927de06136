package dev.jobsdk.core.internal;

import dev.jobsdk.core.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The {@link Backoff.Attempt} handed to a backoff by the poller and the transport.
 *
 * @param number attempts made so far
 * @param elapsed time since the wait or call started
 * @param progress the progress history, oldest first
 * @param randomSource uniform values in [0, 1)
 */
public record BackoffAttempt(
    int number, Duration elapsed, List<Backoff.ProgressSample> progress, DoubleSupplier randomSource)
    implements Backoff.Attempt {

  /**
   * Creates an attempt without progress, as a single call's retry has.
   *
   * @param number attempts made so far
   * @param elapsed time since the call started
   * @param randomSource uniform values in [0, 1)
   */
  public BackoffAttempt(int number, Duration elapsed, DoubleSupplier randomSource) {
    this(number, elapsed, List.of(), randomSource);
  }

  @Override
  public double random() {
    return randomSource.getAsDouble();
  }
}
