package dev.jobsdk.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.Vendor;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobRecordTest {

  private static final Instant T0 = Instant.parse("2026-04-08T12:00:00Z");
  private static final Lifecycle SCRIPT = Lifecycle.builder()
      .queued(Duration.ofSeconds(10))
      .stage("a", Duration.ofSeconds(30), "A...")
      .stage("b", Duration.ZERO, "skipped")
      .stage("c", Duration.ofSeconds(70), "C...")
      .build();

  private static JobRecord job(Lifecycle lifecycle, int maxAttempts, Duration ttl) {
    return new JobRecord("id", Vendor.DEEPCURRENT, "bd_job", "owner", 1, T0, null, lifecycle, maxAttempts, ttl, null);
  }

  private static JobView at(JobRecord job, long seconds) {
    return job.view(T0.plusSeconds(seconds));
  }

  @Test
  void progressGrowsLinearlyAcrossStages_andSkipsZeroLengthOnes() {
    JobRecord job = job(SCRIPT, 1, null);
    JobView pending = at(job, 9);
    assertThat(pending.phase()).isEqualTo(Phase.PENDING);
    assertThat(pending.stageIndex()).isEqualTo(-1);
    assertThat(pending.startedAt()).isNull();
    assertThat(pending.updatedAt()).isEqualTo(T0);

    JobView first = at(job, 10);
    assertThat(first.phase()).isEqualTo(Phase.RUNNING);
    assertThat(first.percent()).isZero();
    assertThat(first.stageIndex()).isZero();
    assertThat(first.startedAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(first.attempts()).isEqualTo(1);

    JobView third = at(job, 40);
    assertThat(third.stageIndex()).isEqualTo(2);
    assertThat(third.percent()).isEqualTo(30);
    assertThat(third.updatedAt()).isEqualTo(T0.plusSeconds(40));

    assertThat(at(job, 109).percent()).isEqualTo(99);
    JobView done = at(job, 110);
    assertThat(done.phase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(done.percent()).isEqualTo(100);
    assertThat(done.completedAt()).isEqualTo(T0.plusSeconds(110));
    assertThat(at(job, 100_000)).isEqualTo(done);
  }

  @Test
  void noStagesAndNoQueue_isFinishedAtCreation() {
    JobView view = at(job(Lifecycle.builder().build(), 1, null), 0);
    assertThat(view.phase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(view.startedAt()).isEqualTo(T0);
    assertThat(view.completedAt()).isEqualTo(T0);
  }

  @Test
  void failAttempts_onAVendorWithoutRetries_isAPlainFailure() {
    JobView view = at(job(SCRIPT.toBuilder().failAttempts(1, "boom").build(), 1, null), 120);
    assertThat(view.phase()).isEqualTo(Phase.FAILED);
    assertThat(view.error()).isEqualTo("boom");
    assertThat(view.attempts()).isEqualTo(1);
    assertThat(at(job(SCRIPT.toBuilder().failAttempts(0, "never").build(), 1, null), 120).phase())
        .isEqualTo(Phase.SUCCEEDED);
  }

  @Test
  void failAttempts_beyondMaxAttempts_failsAfterTheLastAttempt() {
    JobRecord job = job(SCRIPT.toBuilder().failAttempts(5, "boom").build(), 3, null);
    assertThat(at(job, 329).phase()).isEqualTo(Phase.RUNNING);
    assertThat(at(job, 329).attempts()).isEqualTo(3);
    assertThat(at(job, 330).phase()).isEqualTo(Phase.FAILED);
  }

  @Test
  void ttl_removesFinishedJobsOnly() {
    JobRecord job = job(SCRIPT, 1, Duration.ofMinutes(1));
    assertThat(at(job, 169).phase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(at(job, 170).phase()).isEqualTo(Phase.GONE);
    JobRecord slow = job(Lifecycle.succeedsAfter(Duration.ofHours(2)), 1, Duration.ofMinutes(1));
    assertThat(at(slow, 3600).phase()).isEqualTo(Phase.RUNNING);
  }

  @Test
  void forcedStates_pinTheJobAtTheMomentOfForcing() {
    JobRecord job = job(SCRIPT, 1, null);
    job.force(Phase.RUNNING, T0.plusSeconds(2));
    JobView running = at(job, 500);
    assertThat(running.phase()).isEqualTo(Phase.RUNNING);
    assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(running.updatedAt()).isEqualTo(T0.plusSeconds(2));

    job.force(Phase.SUCCEEDED, T0.plusSeconds(50));
    JobView done = at(job, 500);
    assertThat(done.phase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(done.percent()).isEqualTo(100);
    assertThat(done.startedAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(done.completedAt()).isEqualTo(T0.plusSeconds(50));

    job.force(Phase.GONE, T0.plusSeconds(60));
    assertThat(at(job, 61).phase()).isEqualTo(Phase.GONE);
  }

  @Test
  void chainedJob_existsOnlyOnceItsParentSucceeded_createdAtTheParentsCompletion() {
    JobRecord parent = job(SCRIPT, 3, null);
    JobRecord child = new JobRecord("child", Vendor.RISK_TOOL, "GAP_DETECTION", "owner", 2, null, parent,
        Lifecycle.succeedsAfter(Duration.ofSeconds(5)), 3, null, null);
    assertThat(at(child, 109)).isNull();
    JobView born = at(child, 110);
    assertThat(born.createdAt()).isEqualTo(T0.plusSeconds(110));
    assertThat(born.phase()).isEqualTo(Phase.RUNNING);
    assertThat(at(child, 115).phase()).isEqualTo(Phase.SUCCEEDED);
  }

  @Test
  void aClockCenturiesAhead_doesNotOverflow_andOverlongLifecyclesAreRejected() {
    assertThat(job(SCRIPT, 3, null).view(T0.plus(Duration.ofDays(365L * 500))).phase()).isEqualTo(Phase.SUCCEEDED);
    assertThat(job(SCRIPT, 3, null).view(T0.minusSeconds(60)).phase()).isEqualTo(Phase.PENDING);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Lifecycle.succeedsAfter(Duration.ofDays(3_700)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void statusWords_parseAcrossVendors() {
    assertThat(Phase.parse("ready")).isEqualTo(Phase.SUCCEEDED);
    assertThat(Phase.parse("COMPLETED")).isEqualTo(Phase.SUCCEEDED);
    assertThat(Phase.parse("processing")).isEqualTo(Phase.RUNNING);
    assertThat(Phase.parse("Expired")).isEqualTo(Phase.GONE);
  }
}
