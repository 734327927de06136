package dev.jobsdk.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The one clock that drives a {@link MockJobServer}: job lifecycles, progress, timestamps, TTL
 * expiry and token expiry are all computed from it at the moment a request arrives.
 *
 * <p>A virtual clock works in one of three modes:
 * <ul>
 *   <li><b>manual</b> ({@link #startingAt(Instant)}, the server default): time stands still until a
 *       test calls {@link #advance(Duration)} or {@link #set(Instant)};</li>
 *   <li><b>ticking</b> ({@link #ticking(Instant, double)}, used by the standalone server): time runs at
 *       real time multiplied by a scale, and {@code advance}/{@code set} still jump it;</li>
 *   <li><b>external</b> (when {@link MockJobServer.Builder#clock(Clock)} is given): every read
 *       delegates to that clock, for example an SDK test's own virtual clock, and
 *       {@code advance}/{@code set} throw {@link IllegalStateException} because the owner of the
 *       external clock moves it.</li>
 * </ul>
 * The zone is always UTC. Instances are thread-safe.
 */
public final class VirtualClock extends Clock {

  private final Clock external;
  private final Instant start;
  private final double timeScale;
  private final LongSupplier nanoTime;
  private final long originNanos;
  private volatile Instant base;

  private VirtualClock(Clock external, Instant start, double timeScale, LongSupplier nanoTime) {
    this.external = external;
    this.start = start;
    this.timeScale = timeScale;
    this.nanoTime = nanoTime;
    this.originNanos = nanoTime == null ? 0L : nanoTime.getAsLong();
    this.base = start;
  }

  /**
   * Returns a manual clock that reads {@code start} until it is advanced or set.
   *
   * @param start the initial instant
   * @return a new manual clock
   */
  public static VirtualClock startingAt(Instant start) {
    return new VirtualClock(null, Objects.requireNonNull(start, "start"), 0.0, null);
  }

  /**
   * Returns a clock that starts at {@code start} and then runs at real time multiplied by
   * {@code timeScale} (60 makes one real second one virtual minute). {@link #advance(Duration)}
   * and {@link #set(Instant)} still jump it.
   *
   * @param start the initial instant
   * @param timeScale how many virtual seconds pass per real second; must be positive
   * @return a new ticking clock
   */
  public static VirtualClock ticking(Instant start, double timeScale) {
    return ticking(start, timeScale, System::nanoTime);
  }

  static VirtualClock ticking(Instant start, double timeScale, LongSupplier nanoTime) {
    Objects.requireNonNull(start, "start");
    if (!(timeScale > 0.0) || Double.isInfinite(timeScale)) {
      throw new IllegalArgumentException("timeScale must be a positive number, was " + timeScale);
    }
    return new VirtualClock(null, start, timeScale, nanoTime);
  }

  static VirtualClock following(Clock external) {
    Objects.requireNonNull(external, "clock");
    return new VirtualClock(external, null, 0.0, null);
  }

  /**
   * Returns the current virtual instant.
   *
   * @return the current instant of this clock
   */
  public Instant now() {
    if (external != null) {
      return external.instant();
    }
    Instant b = base;
    if (nanoTime == null) {
      return b;
    }
    long elapsed = (long) ((nanoTime.getAsLong() - originNanos) * timeScale);
    return b.plusNanos(elapsed);
  }

  /**
   * Same as {@link #now()}.
   *
   * @return the current instant of this clock
   */
  @Override
  public Instant instant() {
    return now();
  }

  /**
   * Moves the clock forward.
   *
   * @param duration how far to move; must not be negative
   * @throws IllegalStateException when the server follows an external clock
   */
  public void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
    requireOwnTime();
    synchronized (this) {
      base = base.plus(duration);
    }
  }

  /**
   * Sets the clock to an instant, forwards or backwards. Job states are computed from the clock,
   * so setting it back shows earlier states again.
   *
   * @param instant the new current instant
   * @throws IllegalStateException when the server follows an external clock
   */
  public void set(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    requireOwnTime();
    synchronized (this) {
      base = instant.minus(Duration.between(base, now()));
    }
  }

  /**
   * Tells whether this clock only reads an external clock (then {@link #advance(Duration)} and
   * {@link #set(Instant)} throw).
   *
   * @return {@code true} when an external clock was given to the server
   */
  public boolean isExternal() {
    return external != null;
  }

  /** Puts a manual clock back at its start and drops the jumps of a ticking one. */
  synchronized void resetToStart() {
    if (external == null) {
      base = start;
    }
  }

  private void requireOwnTime() {
    if (external != null) {
      throw new IllegalStateException(
          "this server follows an external clock; advance or set that clock instead");
    }
  }

  /**
   * Returns UTC.
   *
   * @return {@link ZoneOffset#UTC}
   */
  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /**
   * Returns a view of this clock in another zone; it reads the same instants.
   *
   * @param zone the zone of the view
   * @return a clock reading this clock's instants in {@code zone}
   */
  @Override
  public Clock withZone(ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return ZoneOffset.UTC.equals(zone) ? this : new ZonedView(this, zone);
  }

  /**
   * Describes the mode and current instant.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    String mode = external != null ? "external" : nanoTime != null ? "ticking x" + timeScale : "manual";
    return "VirtualClock[" + mode + ", now=" + now() + "]";
  }

  private static final class ZonedView extends Clock {
    private final VirtualClock source;
    private final ZoneId zone;

    ZonedView(VirtualClock source, ZoneId zone) {
      this.source = source;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
      return source.withZone(newZone);
    }

    @Override
    public Instant instant() {
      return source.now();
    }
  }
}
