package dev.jobsdk.deepcurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.PaymentRequiredException;
import dev.jobsdk.core.PermissionDeniedException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's BD example, word for word between the markers, against the mock server. */
class ReadmeExampleTest extends MockServerTestBase {
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

  @Test
  void readmeExample_createsAwaitsAndDownloads(@TempDir Path downloads) throws Exception {
    example(client, downloads);

    String printed = captured.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("100% Job complete.").contains("delivered_contacts");
    assertThat(downloads.resolve("verified_contacts.json")).exists();
    assertThat(downloads.resolve("verified_contacts.csv")).exists();
    try (var files = Files.list(downloads)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void readmeExample_withoutCredits_printsTheServersReason(@TempDir Path downloads) {
    server.deepCurrent().setCredits(PAID, 0);

    example(client, downloads);

    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Insufficient credits");
  }

  private void example(DeepCurrentClient client, Path downloads) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    System.setOut(out);
    System.setErr(out);
    try {
      readme(client, downloads);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }

  /** The README's example; keep the text between the markers identical to it. */
  static void readme(DeepCurrentClient client, Path downloads) {
    // README:BEGIN
    try {
      BdJobHandle job = client.bdJobs().create(BdJobRequest.builder()
          .preset(BdPreset.FULL_PIPELINE)
          .inputAssets(Map.of("companies", List.of(
              Map.of("company_name", "Acme Robotics", "website", "acme-robotics.com"))))
          .build());

      BdJobOutcome outcome = job.awaitResult(j -> System.out.printf("%3d%% %s%n",
          j.progressPercent(), j.progressMessage().orElse("")));

      System.out.println("summary: " + outcome.result().summary());
      for (BdAsset asset : outcome.assets()) {
        Path file = client.bdJobs().downloadAsset(job.id(), asset.assetId(), downloads);
        System.out.println("saved " + file);
      }
    } catch (JobFailedException e) {
      BdJob failed = e.lastSnapshot(BdJob.class).orElseThrow();
      System.err.println("job failed: " + failed.errorMessage().orElse("no reason given"));
    } catch (PaymentRequiredException | PermissionDeniedException e) {
      System.err.println("not allowed: " + e.errorMessage().orElse(e.getMessage()));
    }
    // README:END
  }
}
