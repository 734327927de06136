package dev.jobsdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.core.JobState;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.mock.MockJobServer;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

  /** Runs an example with System.out and System.err captured; returns what it printed. */
  static String printed(Runnable example) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
    try {
      example.run();
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void bdJob_awaitsAndDownloadsEveryAsset(@TempDir Path downloads) throws IOException {
    String printed = printed(() -> BdJobExample.run(sandbox.deepCurrent(), downloads));
    assertThat(printed).contains("100% Job complete.").containsPattern("[1-9][0-9]* contacts delivered");
    try (Stream<Path> files = Files.list(downloads)) {
      assertThat(files.toList()).hasSize(2).allSatisfy(f -> assertThat(Files.size(f)).isPositive());
    }
  }

  @Test
  void bdJob_withoutCredits_printsTheServersReason(@TempDir Path downloads) {
    server.deepCurrent().setCredits(MockCredentials.DEEPCURRENT_PAID_KEY, 0);
    assertThat(printed(() -> BdJobExample.run(sandbox.deepCurrent(), downloads)))
        .contains("not allowed: ", "Insufficient credits");
  }

  @Test
  void bdJob_failed_printsTheServersError(@TempDir Path downloads) {
    server.deepCurrent().nextBdJob(Lifecycle.failsAfter(Duration.ofMinutes(2), "Enrichment provider unavailable"));
    assertThat(printed(() -> BdJobExample.run(sandbox.deepCurrent(), downloads)))
        .contains("job failed: Enrichment provider unavailable");
  }

  @Test
  void adverseMedia_failedScreening_printsTheServersError() {
    server.deepIdv().nextJob(Lifecycle.failsAfter(Duration.ofSeconds(20), "upstream timeout"));
    assertThat(printed(() -> AdverseMediaExample.run(sandbox.deepIdv()))).contains("screening failed: upstream timeout");
  }

  @Test
  void adverseMedia_withoutBalance_printsTheServersReason() {
    server.deepIdv().setBalance(MockCredentials.DEEPIDV_ORG_A_KEY, false);
    assertThat(printed(() -> AdverseMediaExample.run(sandbox.deepIdv()))).contains("no balance: Insufficient funds or subscription.");
  }

  @Test
  void riskPreview_failingEveryAttempt_printsTheVendorsError() {
    server.riskTool().nextJob("AI_PREVIEW", Lifecycle.failsAfter(Duration.ofSeconds(5), "Bedrock API error: ThrottlingException - Rate exceeded"));
    assertThat(printed(() -> RiskPreviewExample.run(sandbox.riskTool())))
        .contains("preview failed: Bedrock API error: ThrottlingException - Rate exceeded");
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

  @Test
  void awaitMany_consumesEveryScreeningInCompletionOrder() {
    String printed = printed(() -> {
      AwaitManyExample.Summary s = AwaitManyExample.run(sandbox.deepIdv(), 40, 1_000);
      assertThat(s.succeeded() + s.failed()).isEqualTo(40);
      assertThat(s.cancelled()).isZero();
      assertThat(s.order()).hasSize(40).doesNotHaveDuplicates();
    });
    assertThat(printed).contains(" risk", "status updates heard");
  }

  @Test
  void awaitMany_cancelsTheRest_afterTooManyFailures() {
    for (int i = 0; i < 40; i++) {
      server.deepIdv().nextJob(i % 2 == 0
          ? Lifecycle.failsAfter(Duration.ofSeconds(5 + i), "provider down")
          : Lifecycle.succeedsAfter(Duration.ofMinutes(5)));
    }
    String printed = printed(() -> {
      AwaitManyExample.Summary s = AwaitManyExample.run(sandbox.deepIdv(), 40, 3);
      assertThat(s.failed()).isEqualTo(3);
      assertThat(s.cancelled()).isEqualTo(37);
    });
    assertThat(printed).contains("3 failures: cancelling the 37 waits left");
  }
}
