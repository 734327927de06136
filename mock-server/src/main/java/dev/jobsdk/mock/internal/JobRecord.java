package dev.jobsdk.mock.internal;

import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.Outcome;
import dev.jobsdk.mock.Vendor;
import java.time.Duration;
import java.time.Instant;

/**
 * One job: who owns it, its script, and vendor data. Its visible state is never stored; it is computed
 * by {@link #view(Instant)} from the lifecycle and the clock, unless a state was forced.
 */
public final class JobRecord {

  private static final Duration CENTURY = Duration.ofDays(36_525);

  /** Error shown by a job forced to fail. */
  public static final String FORCED_FAILURE = "Forced failure by the mock.";

  private final String id;
  private final Vendor vendor;
  private final String kind;
  private final String owner;
  private final long seed;
  private final Instant createdAt;
  private final JobRecord parent;
  private final Lifecycle lifecycle;
  private final int maxAttempts;
  private final Duration ttl;
  private final Object data;
  private volatile Forced forced;

  private record Forced(Phase phase, Instant at) {
  }

  /**
   * @param id the job id
   * @param vendor the owning vendor
   * @param kind the job kind
   * @param owner the creating credential (API key or email)
   * @param seed the job's own seed for generated results
   * @param createdAt the creation instant, or {@code null} for a job chained to {@code parent}
   * @param parent the job whose success creates this one, or {@code null}
   * @param lifecycle the script
   * @param maxAttempts how many attempts the vendor makes (1 unless it retries)
   * @param ttl how long a finished job stays visible, or {@code null} for ever
   * @param data vendor-specific, immutable data
   */
  public JobRecord(String id, Vendor vendor, String kind, String owner, long seed, Instant createdAt,
      JobRecord parent, Lifecycle lifecycle, int maxAttempts, Duration ttl, Object data) {
    this.id = id;
    this.vendor = vendor;
    this.kind = kind;
    this.owner = owner;
    this.seed = seed;
    this.createdAt = createdAt;
    this.parent = parent;
    this.lifecycle = lifecycle;
    this.maxAttempts = maxAttempts;
    this.ttl = ttl;
    this.data = data;
  }

  /** @return the job id */
  public String id() {
    return id;
  }

  /** @return the owning vendor */
  public Vendor vendor() {
    return vendor;
  }

  /** @return the job kind */
  public String kind() {
    return kind;
  }

  /** @return the creating credential */
  public String owner() {
    return owner;
  }

  /** @return the job's seed */
  public long seed() {
    return seed;
  }

  /** @return the script */
  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /** @return how many attempts the vendor makes */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * @param <T> the data type
   * @param type the data class
   * @return the vendor data
   */
  public <T> T data(Class<T> type) {
    return type.cast(data);
  }

  /**
   * Pins the job in a phase from {@code at} on.
   *
   * @param phase the phase to show
   * @param at the instant of the change
   */
  public void force(Phase phase, Instant at) {
    this.forced = new Forced(phase, at);
  }

  /**
   * Computes what the job looks like at {@code now}.
   *
   * @param now the clock's instant
   * @return the view, or {@code null} when a chained job does not exist yet
   */
  public JobView view(Instant now) {
    Instant created = createdAt;
    if (parent != null) {
      JobView parentView = parent.view(now);
      if (parentView == null || parentView.phase() != Phase.SUCCEEDED) {
        return null;
      }
      created = parentView.completedAt();
    }
    Forced f = forced;
    if (f == null) {
      return natural(created, now);
    }
    JobView at = natural(created, f.at().isBefore(created) ? created : f.at());
    Instant when = at.createdAt().isAfter(f.at()) ? at.createdAt() : f.at();
    int last = lifecycle.stages().size() - 1;
    JobView pinned = switch (f.phase()) {
      case PENDING -> new JobView(Phase.PENDING, 0, -1, created, null, when, null, at.attempts(), null);
      case RUNNING -> new JobView(Phase.RUNNING, at.phase() == Phase.RUNNING ? at.percent() : 0,
          at.phase() == Phase.RUNNING ? at.stageIndex() : Math.min(0, last), created,
          at.startedAt() != null ? at.startedAt() : when, when, null, Math.max(1, at.attempts()), null);
      case SUCCEEDED, FAILED, CANCELLED -> new JobView(f.phase(),
          f.phase() == Phase.SUCCEEDED ? 100 : at.phase() == Phase.RUNNING ? at.percent() : 0, last,
          created, at.startedAt() != null ? at.startedAt() : when, when, when,
          Math.max(1, at.attempts()), f.phase() == Phase.FAILED ? FORCED_FAILURE : null);
      case GONE -> gone(created);
    };
    if (ttl != null && pinned.phase().terminal() && !now.isBefore(pinned.completedAt().plus(ttl))) {
      return gone(created);
    }
    return pinned;
  }

  private static JobView gone(Instant created) {
    return new JobView(Phase.GONE, 0, -1, created, null, created, null, 0, null);
  }

  private JobView natural(Instant created, Instant now) {
    Outcome outcome = lifecycle.outcome();
    int attemptsTotal = 1;
    Phase end;
    String error = null;
    switch (outcome.kind()) {
      case SUCCEED -> end = Phase.SUCCEEDED;
      case FAIL -> {
        attemptsTotal = maxAttempts;
        end = Phase.FAILED;
        error = outcome.message().orElse(null);
      }
      case CANCEL -> end = Phase.CANCELLED;
      case EXPIRE -> end = Phase.GONE;
      default -> {
        int failing = outcome.failedAttempts();
        if (failing == 0) {
          end = Phase.SUCCEEDED;
        } else if (failing >= maxAttempts) {
          attemptsTotal = maxAttempts;
          end = Phase.FAILED;
          error = outcome.message().orElse(null);
        } else {
          attemptsTotal = failing + 1;
          end = Phase.SUCCEEDED;
        }
      }
    }
    long queued = lifecycle.queued().toNanos();
    long running = lifecycle.runningDuration().toNanos();
    long cycle = queued + running;
    Duration since = Duration.between(created, now);
    // Lifecycles are at most 10 years per attempt, so 100 years is "long after the end" and fits in nanos.
    long elapsed = since.isNegative() ? 0L : since.compareTo(CENTURY) > 0 ? CENTURY.toNanos() : since.toNanos();
    Instant firstStart = created.plusNanos(queued);
    long endNanos = attemptsTotal * cycle;
    if (elapsed >= endNanos) {
      Instant finished = created.plusNanos(endNanos);
      if (end == Phase.GONE || (ttl != null && !now.isBefore(finished.plus(ttl)))) {
        return gone(created);
      }
      int last = lifecycle.stages().size() - 1;
      int percent = end == Phase.SUCCEEDED ? 100 : running == 0 ? 0 : 99;
      return new JobView(end, percent, last, created, firstStart, finished, finished, attemptsTotal, error);
    }
    long attempt = elapsed / cycle;
    long intoAttempt = elapsed - attempt * cycle;
    Instant attemptStart = created.plusNanos(attempt * cycle);
    if (intoAttempt < queued) {
      return new JobView(Phase.PENDING, 0, -1, created, attempt == 0 ? null : firstStart, attemptStart,
          null, (int) attempt, null);
    }
    long intoStages = intoAttempt - queued;
    int percent = (int) Math.min(99L, intoStages * 100L / running);
    long stageStart = 0;
    int index = 0;
    for (var stages = lifecycle.stages(); index < stages.size(); index++) {
      long d = stages.get(index).duration().toNanos();
      if (intoStages < stageStart + d) {
        break;
      }
      stageStart += d;
    }
    Instant updated = attemptStart.plusNanos(queued + stageStart);
    return new JobView(Phase.RUNNING, percent, index, created, firstStart, updated, null, (int) attempt + 1,
        null);
  }
}
