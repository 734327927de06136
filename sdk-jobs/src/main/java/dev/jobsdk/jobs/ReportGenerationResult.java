package dev.jobsdk.jobs;

import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.internal.Redaction;
import java.net.URI;

/**
 * The result of a {@link JobType#REPORT_GENERATION} job: where the PDF report is. Every component
 * is required; {@link #toString()} hides the download URL's signature.
 *
 * @param assessmentId the assessment
 * @param pdfKey the report's storage key
 * @param downloadUrl a presigned URL that downloads the PDF without further credentials; it
 *     expires, so download soon after the job completes and do not log it
 */
public record ReportGenerationResult(String assessmentId, String pdfKey, URI downloadUrl) {

  /**
   * Creates the {@code ReportGenerationResult}.
   *
   * @param assessmentId the assessment
   * @param pdfKey the report's storage key
   * @param downloadUrl a presigned URL that downloads the PDF without further credentials; it
   *     expires, so download soon after the job completes and do not log it
   */
  public ReportGenerationResult {
    Checks.notNull(assessmentId, "assessmentId");
    Checks.notNull(pdfKey, "pdfKey");
    Checks.notNull(downloadUrl, "downloadUrl");
  }

  /**
   * Describes the result with the download URL's query (its signature) hidden, since anyone
   * holding the full URL can download the report.
   *
   * @return a description safe to log
   */
  @Override
  public String toString() {
    String url = downloadUrl.toString();
    int query = url.indexOf('?');
    return "ReportGenerationResult[assessmentId="
        + assessmentId
        + ", pdfKey="
        + pdfKey
        + ", downloadUrl="
        + (query < 0 ? url : url.substring(0, query + 1) + Redaction.REDACTED)
        + "]";
  }
}
