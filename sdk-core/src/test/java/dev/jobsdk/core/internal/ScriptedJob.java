package dev.jobsdk.core.internal;

import dev.jobsdk.core.JobState;
import dev.jobsdk.core.Progress;
import dev.jobsdk.core.TestJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A fake remote job whose state is a function of virtual time: pending, then running with
 * progress growing linearly, then terminal. Counts how often it is polled.
 */
final class ScriptedJob implements Supplier<TestJob> {
  final String id;
  private final Clock clock;
  private final Instant start;
  private final Duration pending;
  private final Duration running;
  private final JobState outcome;
  final AtomicInteger polls = new AtomicInteger();

  ScriptedJob(String id, Clock clock, Duration pending, Duration running, JobState outcome) {
    this.id = id;
    this.clock = clock;
    this.start = clock.instant();
    this.pending = pending;
    this.running = running;
    this.outcome = outcome;
  }

  @Override
  public TestJob get() {
    polls.incrementAndGet();
    Duration elapsed = Duration.between(start, clock.instant());
    if (elapsed.compareTo(pending) < 0) {
      return TestJob.of(id, JobState.PENDING);
    }
    Duration inRun = elapsed.minus(pending);
    if (inRun.compareTo(running) < 0) {
      int percent = (int) (100 * inRun.toMillis() / running.toMillis());
      return new TestJob(id, JobState.RUNNING, "running", Progress.of(percent, "stage " + percent / 25), null);
    }
    return switch (outcome) {
      case FAILED -> TestJob.failed(id, "upstream timeout");
      default -> new TestJob(id, outcome, outcome.name().toLowerCase(), Progress.of(100, "done"), null);
    };
  }
}
