package dev.jobsdk.jobs;

import dev.jobsdk.core.internal.Checks;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The result of an {@link JobType#AI_PREVIEW} job: the model's answer to a previewed prompt. The
 * output is required; null Optionals become empty.
 *
 * @param output the generated text
 * @param tokensUsed input plus output tokens the model counted; empty when the server did not say
 * @param processingTime how long the model call took (the server's {@code processingTime}, in
 *     milliseconds); empty when the server did not say
 */
public record AiPreviewResult(
    String output, OptionalLong tokensUsed, Optional<Duration> processingTime) {

  /**
   * Creates the {@code AiPreviewResult}.
   *
   * @param output the generated text
   * @param tokensUsed input plus output tokens the model counted; empty when the server did not say
   * @param processingTime how long the model call took (the server's {@code processingTime}, in
   *     milliseconds); empty when the server did not say
   */
  public AiPreviewResult {
    Checks.notNull(output, "output");
    tokensUsed = tokensUsed == null ? OptionalLong.empty() : tokensUsed;
    processingTime = processingTime == null ? Optional.empty() : processingTime;
  }
}
