package dev.jobsdk.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rate budget per client: a hold per host, set when any request of the client meets a 429 or
 * 503 with {@code Retry-After}, that holds back every request of the client to that host until
 * then; and an optional client-wide ceiling of requests per second. Requests reserve a slot; a
 * poll that must wait is rescheduled (it holds no thread), a single call sleeps.
 *
 * <p>Thread-safe. Time is the client's clock, so tests run it on virtual time.
 */
public final class RateBudget {
  private static final Logger log = LoggerFactory.getLogger(RateBudget.class);

  /** Held polls are spread over at most this long after a hold ends. */
  static final Duration MAX_SPREAD = Duration.ofSeconds(10);

  private final Clock clock;
  private final long intervalNanos;
  private final ConcurrentMap<String, Instant> holds = new ConcurrentHashMap<>();
  private final ThreadLocal<Boolean> prepaid = new ThreadLocal<>();
  private Instant nextSlot = Instant.MIN;

  /**
   * Creates a budget.
   *
   * @param clock the client's clock
   * @param requestsPerSecond the client-wide ceiling, or 0 for none
   */
  public RateBudget(Clock clock, double requestsPerSecond) {
    if (requestsPerSecond < 0 || Double.isNaN(requestsPerSecond)) {
      throw new IllegalArgumentException(
          "maxRequestsPerSecond must not be negative, was " + requestsPerSecond);
    }
    this.clock = clock;
    this.intervalNanos = requestsPerSecond == 0 ? 0 : (long) Math.ceil(1e9 / requestsPerSecond);
  }

  /**
   * Returns a budget without ceiling.
   *
   * @param clock the client's clock
   * @return the budget
   */
  public static RateBudget unlimited(Clock clock) {
    return new RateBudget(clock, 0);
  }

  /**
   * Returns the clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Holds back every request to {@code host} until {@code now + retryAfter} (a later hold wins).
   *
   * @param host the host that answered 429 or 503
   * @param retryAfter what its {@code Retry-After} asked for, already clamped
   */
  public void hold(String host, Duration retryAfter) {
    if (retryAfter.isNegative() || retryAfter.isZero()) {
      return;
    }
    Instant until = clock.instant().plus(retryAfter);
    Instant before = holds.get(host);
    holds.merge(host, until, (a, b) -> a.isAfter(b) ? a : b);
    if (before == null || until.isAfter(before)) {
      log.debug("holding back every request to {} for {} ms", host, retryAfter.toMillis());
    }
  }

  /**
   * Returns how long the hold on {@code host} still lasts.
   *
   * @param host the host
   * @param now the current time
   * @return the remaining hold, zero if none
   */
  public Duration holdRemaining(String host, Instant now) {
    Instant until = holds.get(host);
    if (until == null) {
      return Duration.ZERO;
    }
    if (!until.isAfter(now)) {
      holds.remove(host, until);
      return Duration.ZERO;
    }
    return Duration.between(now, until);
  }

  /**
   * Reserves the next request slot under the ceiling.
   *
   * @param now the current time
   * @return how long to wait before sending (zero if at once); the slot is taken either way
   */
  public Duration reserveSlot(Instant now) {
    if (intervalNanos == 0) {
      return Duration.ZERO;
    }
    Instant slot;
    synchronized (this) {
      slot = nextSlot.isAfter(now) ? nextSlot : now;
      nextSlot = slot.plusNanos(intervalNanos);
    }
    return Duration.between(now, slot);
  }

  /**
   * Returns whether the budget has a requests-per-second ceiling.
   *
   * @return true if it has one
   */
  public boolean limited() {
    return intervalNanos != 0;
  }

  /**
   * Returns the gate the client's poller puts every poll of a wait to {@code host} through.
   *
   * @param host the API's host
   * @param random uniform values in [0, 1): when a hold ends, the held polls are spread over a
   *     while rather than all sent at the same instant
   * @return the gate
   */
  public Poller.RateGate gate(String host, java.util.function.DoubleSupplier random) {
    return new Poller.RateGate() {
      @Override
      public Duration hold(Instant now) {
        Duration remaining = holdRemaining(host, now);
        if (remaining.isZero()) {
          return remaining;
        }
        long spreadNanos = Math.min(remaining.toNanos(), MAX_SPREAD.toNanos());
        return remaining.plusNanos((long) (random.getAsDouble() * spreadNanos));
      }

      @Override
      public Duration reserve(Instant now) {
        return reserveSlot(now);
      }

      @Override
      public <T> T send(java.util.function.Supplier<T> poll) {
        return limited() ? prepaid(poll) : poll.get();
      }
    };
  }

  /**
   * Runs {@code call} on this thread with its request slot already reserved (by the poller), so
   * that the transport does not reserve a second one.
   *
   * @param call the call
   * @param <T> the result type
   * @return what it returned
   */
  public <T> T prepaid(java.util.function.Supplier<T> call) {
    prepaid.set(Boolean.TRUE);
    try {
      return call.get();
    } finally {
      prepaid.remove();
    }
  }

  /**
   * Takes the prepaid mark of this thread, if any: the first request of a prepaid call uses it.
   *
   * @return true if the request's slot was reserved already
   */
  boolean takePrepaid() {
    // Only a limited budget prepays (see gate().send); an unlimited one never touches the thread
    // local, whose first get() on a new (virtual) poll thread would create the thread's map.
    if (intervalNanos == 0) {
      return false;
    }
    if (prepaid.get() != null) {
      prepaid.remove();
      return true;
    }
    return false;
  }
}
