package dev.jobsdk.examples;

import dev.jobsdk.core.WaitOptions;
import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.PaymentRequiredException;
import dev.jobsdk.core.PermissionDeniedException;
import dev.jobsdk.deepcurrent.BdAsset;
import dev.jobsdk.deepcurrent.BdJob;
import dev.jobsdk.deepcurrent.BdJobSummary;
import dev.jobsdk.deepcurrent.BdJobHandle;
import dev.jobsdk.deepcurrent.BdJobOutcome;
import dev.jobsdk.deepcurrent.BdJobRequest;
import dev.jobsdk.deepcurrent.BdPreset;
import dev.jobsdk.deepcurrent.DeepCurrentClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts a DeepCurrent BD job, awaits it with live progress, and downloads its result assets.
 *
 * <p>Uses {@code DEEPCURRENT_API_KEY} (and {@code DEEPCURRENT_BASE_URL}) when set, otherwise an
 * embedded mock server.
 */
public final class BdJobExample {
  private BdJobExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   * @throws IOException if the download directory cannot be created
   */
  public static void main(String[] args) throws IOException {
    Path downloads = Files.createTempDirectory("bd-assets");
    try (Sandbox sandbox = Sandbox.fromEnvironment()) {
      run(sandbox.deepCurrent(), downloads);
    }
  }

  static void run(DeepCurrentClient client, Path downloads) {
    // README:BEGIN bd
    try {
      BdJobHandle job = client.bdJobs().create(BdJobRequest.builder()
          .preset(BdPreset.FULL_PIPELINE)
          .inputAssets(Map.of("companies", List.of(
              Map.of("company_name", "Acme Robotics", "website", "acme-robotics.com"))))
          .build());

      BdJobOutcome outcome = job.awaitResult(WaitOptions.of(j -> System.out.printf("%3d%% %s%n",
          j.progressPercent(), j.progressMessage().orElse(""))));

      BdJobSummary summary = outcome.result().summary();
      System.out.println(summary.deliveredContacts().orElse(0) + " contacts delivered, "
          + summary.verifiedEmails().orElse(0) + " emails verified");
      for (BdAsset asset : outcome.assets()) {
        Path file = client.bdJobs().downloadAssetTo(job.id(), asset.assetId(), downloads);
        System.out.println("saved " + file);
      }
    } catch (JobFailedException e) {
      BdJob failed = e.lastSnapshot(BdJob.class).orElseThrow();
      System.err.println("job failed: " + failed.errorMessage().orElse("no reason given"));
    } catch (PaymentRequiredException | PermissionDeniedException e) {
      System.err.println("not allowed: " + e.errorMessage().orElse(e.getMessage()));
    }
    // README:END bd
  }
}
