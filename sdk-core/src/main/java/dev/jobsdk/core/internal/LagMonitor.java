package dev.jobsdk.core.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when a client's polls start later than scheduled, and says so once: a client that
 * cannot keep up with its waits must not fall behind silently. One per poller; thread-safe.
 */
final class LagMonitor {
  private static final Logger log = LoggerFactory.getLogger(LagMonitor.class);

  /** A poll this late counts as lagging. */
  static final Duration BOUND = Duration.ofSeconds(1);

  /** How many lagging polls it takes to warn (one GC pause is not a trend). */
  static final int LATE_POLLS_TO_WARN = 20;

  private final AtomicLong latePolls = new AtomicLong();
  private final AtomicLong worstNanos = new AtomicLong();
  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * Records that a poll started {@code lateness} after its scheduled time.
   *
   * @param lateness how late, positive
   * @param liveWaits the client's waits in flight
   * @param load a description of the client's load, for the warning
   */
  void record(Duration lateness, int liveWaits, Supplier<String> load) {
    if (lateness.compareTo(BOUND) <= 0) {
      return;
    }
    long nanos = lateness.toNanos();
    worstNanos.accumulateAndGet(nanos, Math::max);
    long late = latePolls.incrementAndGet();
    if (late >= LATE_POLLS_TO_WARN && warned.compareAndSet(false, true)) {
      String extra = load.get();
      log.warn(
          "Polls are falling behind their schedule: {} polls started more than {} ms late (this"
              + " one {} ms, worst {} ms) with {} waits in flight{}. Raise the client's"
              + " maxConcurrentPolls, give it a larger pollExecutor, poll less often (a longer"
              + " PollingPolicy interval) or spread the waits over more clients. This is logged"
              + " once per client.",
          late,
          BOUND.toMillis(),
          lateness.toMillis(),
          worstNanos.get() / 1_000_000,
          liveWaits,
          extra.isEmpty() ? "" : "; " + extra);
    }
  }

  /**
   * Returns how many polls were late beyond the bound.
   *
   * @return the count
   */
  long latePolls() {
    return latePolls.get();
  }
}
