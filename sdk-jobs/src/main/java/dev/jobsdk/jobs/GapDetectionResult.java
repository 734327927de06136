package dev.jobsdk.jobs;

import dev.jobsdk.core.internal.Checks;
import java.util.OptionalLong;

/**
 * The result of a {@link JobType#GAP_DETECTION} job, which the server starts by itself after a
 * document was parsed: how many gap fields it created for the assessment. The assessment id is
 * required.
 *
 * @param assessmentId the assessment
 * @param gapFieldsCreated how many gap fields were created
 * @param bedrockTokensUsed model tokens the detection used, when the server reports it
 */
public record GapDetectionResult(
    String assessmentId, int gapFieldsCreated, OptionalLong bedrockTokensUsed) {

  /**
   * Creates the {@code GapDetectionResult}.
   *
   * @param assessmentId the assessment
   * @param gapFieldsCreated how many gap fields were created
   * @param bedrockTokensUsed model tokens the detection used, when the server reports it
   */
  public GapDetectionResult {
    Checks.notNull(assessmentId, "assessmentId");
    bedrockTokensUsed = bedrockTokensUsed == null ? OptionalLong.empty() : bedrockTokensUsed;
  }
}
