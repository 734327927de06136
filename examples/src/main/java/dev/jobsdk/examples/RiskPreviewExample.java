package dev.jobsdk.examples;

import dev.jobsdk.core.WaitOptions;
import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.PermissionDeniedException;
import dev.jobsdk.jobs.AiPreviewResult;
import dev.jobsdk.jobs.Job;
import dev.jobsdk.jobs.JobsClient;
import dev.jobsdk.jobs.PromptPreviewRequest;

/**
 * Runs an AI prompt preview on the CGIAR Risk Intelligence Tool and prints the generated text.
 *
 * <p>Uses {@code JOBS_BASE_URL} with {@code JOBS_TOKEN} (or {@code JOBS_EMAIL} and
 * {@code JOBS_PASSWORD}) when set, otherwise an embedded mock server.
 */
public final class RiskPreviewExample {
  private RiskPreviewExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (Sandbox sandbox = Sandbox.fromEnvironment()) {
      run(sandbox.riskTool());
    }
  }

  static AiPreviewResult run(JobsClient client) {
    // README:BEGIN jobs
    try {
      JobHandle<Job, Job> preview = client.prompts().preview(PromptPreviewRequest.builder()
          .systemPrompt("You are an agricultural risk analyst.")
          .userPromptTemplate("Summarise the market risks for {{crop}} farmers in {{region}}.")
          .variable("crop", "coffee").variable("region", "Huila, Colombia")
          .build());                                            // admin group only

      Job done = preview.awaitCompletion(WaitOptions.of(JobsClient.DEFAULT_POLLING_POLICY, job ->
          System.out.println(job.rawStatus() + job.progress()
              .flatMap(p -> p.message()).map(m -> " - " + m).orElse(""))));

      AiPreviewResult result = done.aiPreviewResult().orElseThrow();
      System.out.println(result.output());
      return result;
    } catch (JobFailedException e) {
      Job failed = e.lastSnapshot(Job.class).orElseThrow();     // after maxAttempts attempts
      System.err.println("preview failed: " + failed.error().orElse("?"));
    } catch (PermissionDeniedException e) {
      System.err.println("not allowed: " + e.errorMessage().orElse(e.getMessage()));
    }
    // README:END jobs
    return null;
  }
}
