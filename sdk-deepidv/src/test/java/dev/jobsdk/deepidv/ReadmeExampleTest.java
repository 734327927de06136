package dev.jobsdk.deepidv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.PaymentRequiredException;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the README's DeepIDV example, word for word between the markers, against the mock server. */
class ReadmeExampleTest {
  final VirtualScheduler time = VirtualScheduler.create();
  final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
  MockJobServer server;
  DeepIdvClient client;

  @BeforeEach
  void start() {
    server = MockJobServer.builder().clock(time.clock()).seed(3).start();
    client =
        DeepIdvClient.builder()
            .apiKey(MockCredentials.DEEPIDV_ORG_A_KEY)
            .baseUrl(server.deepIdvBaseUrl())
            .scheduler(time)
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void readmeExample_screensAwaitsAndPrintsTheResult() {
    server.deepIdv().nextJob(Lifecycle.builder().queued(Duration.ofSeconds(3))
        .stage("searching", Duration.ofSeconds(40)).build());

    String printed = run();

    assertThat(printed).contains("pending", "processing", "ready", "/100): ", "financial crime hits: ");
    assertThat(server.jobs().list()).hasSize(1);
  }

  @Test
  void readmeExample_failedScreening_printsTheServersError() {
    server.deepIdv().nextJob(Lifecycle.failsAfter(Duration.ofSeconds(20), "upstream timeout"));

    assertThat(run()).contains("screening failed: upstream timeout");
  }

  @Test
  void readmeExample_withoutBalance_printsTheServersReason() {
    server.deepIdv().setBalance(MockCredentials.DEEPIDV_ORG_A_KEY, false);

    assertThat(run()).contains("Insufficient funds or subscription.");
  }

  private String run() {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    System.setOut(out);
    System.setErr(out);
    try {
      readme(client);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  /** The README's example; keep the text between the markers identical to it. */
  static void readme(DeepIdvClient client) {
    // README:BEGIN
    AdverseMediaRequest request = AdverseMediaRequest.builder()
        .email("jane.doe@example.com")
        .firstName("Jane")
        .lastName("Doe")
        .dateOfBirth("1985-04-12")   // or a LocalDate
        .country("ca")               // sent as "CA"
        .build();                    // IllegalArgumentException naming the field if invalid
    try {
      AdverseMediaScreening screening = client.screening().adverseMedia(request);
      System.out.println("job " + screening.id());
      AdverseMediaResult result = screening.awaitCompletion(
          DeepIdvClient.DEFAULT_POLLING_POLICY,
          job -> System.out.println(job.rawStatus() + " at " + job.updatedAt()));
      System.out.println(result.riskLevel() + " (" + result.riskScore() + "/100): "
          + result.summary());
      System.out.println("financial crime hits: "
          + result.exposuresByCategory().financialCrime().hits());
      result.findings().forEach(f -> System.out.println(f.severity() + " " + f.title()));
    } catch (PaymentRequiredException e) {            // HTTP 402, plain-text reason
      System.err.println("no balance: " + e.errorMessage().orElse(""));
    } catch (JobFailedException e) {                  // the job ended "failed"
      System.err.println("screening failed: " + e.snapshot().errorMessage().orElse("?"));
    } catch (JobExpiredException e) {                 // 404 after it was seen: TTL passed
      System.err.println(e.getMessage());
    }
    // README:END
  }
}
