package dev.jobsdk.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The chaos run at 200 jobs and 20 % faults: every job right, nothing lost, duplicated or leaked. */
class ChaosRunTest {
  @Test
  void twoHundredJobs_twentyPercentFaults_nothingLostDuplicatedOrLeaked() {
    ChaosRun.Report r =
        new ChaosRun(200, 0.2, 11, Duration.ofMillis(500), new PrintStream(OutputStream.nullOutputStream()))
            .run();

    assertThat(r.problems()).isEmpty();
    assertThat(r.lost()).isZero();
    assertThat(r.duplicates()).isZero();
    assertThat(r.pollsAfterTerminal()).isZero();
    assertThat(r.leakedConnections()).isZero();
    assertThat(r.correct()).isEqualTo(200);
    // The faults did happen: far more requests than a fault-free run needs (about 5 per job).
    assertThat(r.requests()).isGreaterThan(200 * 4);
  }
}
