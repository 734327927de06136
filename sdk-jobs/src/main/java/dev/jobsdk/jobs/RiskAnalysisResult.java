package dev.jobsdk.jobs;

import dev.jobsdk.core.internal.Checks;

/**
 * The result of a {@link JobType#RISK_ANALYSIS} job: the assessment's risk scoring. The assessment
 * id is required.
 *
 * @param assessmentId the assessment
 * @param categoriesScored how many risk categories were scored
 * @param overallScore the overall risk score (the server's scale is 0 to 100)
 */
public record RiskAnalysisResult(String assessmentId, int categoriesScored, double overallScore) {

  /**
   * Creates the {@code RiskAnalysisResult}.
   *
   * @param assessmentId the assessment
   * @param categoriesScored how many risk categories were scored
   * @param overallScore the overall risk score (the server's scale is 0 to 100)
   */
  public RiskAnalysisResult {
    Checks.notNull(assessmentId, "assessmentId");
  }
}
