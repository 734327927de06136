package dev.jobsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.core.JobState;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.mock.MockJobServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each example program, run against the mock server on virtual time. */
@Timeout(60)
class ExamplesTest {
  final VirtualScheduler time = VirtualScheduler.create();
  MockJobServer server;
  Sandbox sandbox;

  @BeforeEach
  void start() {
    server = MockJobServer.builder().clock(time.clock()).start();
    sandbox = Sandbox.of(Map.of(), System.err, server, time);
  }

  @AfterEach
  void stop() {
    sandbox.close();
    server.close();
  }

  @Test
  void bdJob_awaitsAndDownloadsEveryAsset(@TempDir Path downloads) throws IOException {
    BdJobExample.run(sandbox.deepCurrent(), downloads);
    try (Stream<Path> files = Files.list(downloads)) {
      assertThat(files.toList()).isNotEmpty().allSatisfy(f -> assertThat(Files.size(f)).isPositive());
    }
  }

  @Test
  void growthRun_completesThroughEveryStage() {
    var run = GrowthRunExample.run(sandbox.deepCurrent());
    assertThat(run.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(run.progress().orElseThrow().stages()).isNotEmpty().allSatisfy((stage, status) -> assertThat(status).isEqualTo("completed"));
  }

  @Test
  void adverseMedia_returnsTheTypedResult() {
    var result = AdverseMediaExample.run(sandbox.deepIdv());
    assertThat(result).isNotNull();
    assertThat(result.riskScore()).isBetween(0, 100);
  }

  @Test
  void riskPreview_returnsTheGeneratedText() {
    assertThat(RiskPreviewExample.run(sandbox.riskTool()).output()).isNotBlank();
  }

  @Test
  void concurrentAwait_everyJobEnds_throughOneClient() throws Exception {
    int[] outcome = time.await(ConcurrentAwaitExample.run(sandbox.deepIdv(), 200));
    assertThat(outcome[0] + outcome[1]).isEqualTo(200);
    assertThat(outcome[0]).isPositive();
    assertThat(server.jobs().list()).hasSize(200);
  }
}
