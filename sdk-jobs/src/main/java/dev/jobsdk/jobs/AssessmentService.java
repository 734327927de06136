package dev.jobsdk.jobs;

import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.NotFoundException;
import dev.jobsdk.core.PermissionDeniedException;

/**
 * Starts the jobs of an assessment: document parsing, risk analysis after the gap fields were
 * completed, and report generation. Obtain it from {@link JobsClient#assessments()};
 * thread-safe.
 *
 * <p>Assessment ids are UUIDs; anything else is rejected with an {@link IllegalArgumentException}
 * before a request is sent. Each method returns a handle on the new job; await it for the typed
 * result.
 */
public interface AssessmentService {

  /** The largest file the API accepts for upload: 25 MiB ({@value} bytes). */
  long MAX_DOCUMENT_SIZE = 26_214_400L;

  /**
   * Registers a document for upload: {@code POST /api/assessments/:id/documents}. The answer holds
   * the document's id, which {@link #parseDocument(String, String)} takes, and a presigned URL (15
   * minutes) to {@code PUT} the file's bytes to, with no other credential.
   *
   * <pre>{@code
   * DocumentUpload upload = client.assessments().requestDocumentUpload(
   *     assessmentId, "farm-plan.pdf", "application/pdf", Files.size(pdf));
   * // PUT the bytes to upload.presignedUrl(), then:
   * Job parsed = client.assessments().parseDocument(assessmentId, upload.documentId())
   *     .awaitCompletion();
   * }</pre>
   *
   * @param assessmentId the assessment's UUID
   * @param fileName the file's name, 1 to 255 characters
   * @param mimeType its media type, 1 to 50 characters (the vendor documents only {@code
   *     application/pdf})
   * @param fileSize its size in bytes, 1 to {@link #MAX_DOCUMENT_SIZE}
   * @return the document id and upload URL
   * @throws IllegalArgumentException if an argument is invalid (before any request)
   * @throws dev.jobsdk.core.BadRequestException if the server rejects the file (for example a type
   *     other than PDF)
   * @throws NotFoundException if there is no such assessment
   */
  DocumentUpload requestDocumentUpload(
      String assessmentId, String fileName, String mimeType, long fileSize);

  /**
   * Starts a {@link JobType#PARSE_DOCUMENT} job for an uploaded document: {@code POST
   * /api/assessments/:id/documents/:documentId/parse}. When it completes, the server starts a
   * {@link JobType#GAP_DETECTION} job by itself (whose id it does not return).
   *
   * @param assessmentId the assessment's UUID
   * @param documentId the uploaded document's id
   * @return a handle on the new job; its result is a {@link ParseDocumentResult}
   * @throws IllegalArgumentException if an id is missing or not valid
   * @throws NotFoundException if there is no such assessment or document
   * @throws PermissionDeniedException if the assessment belongs to another user
   */
  JobHandle<Job, Job> parseDocument(String assessmentId, String documentId);

  /**
   * Submits the assessment's gap fields, which starts a {@link JobType#RISK_ANALYSIS} job: {@code
   * POST /api/assessments/:id/gap-fields/submit}.
   *
   * @param assessmentId the assessment's UUID
   * @return a handle on the new job; its result is a {@link RiskAnalysisResult}
   * @throws IllegalArgumentException if {@code assessmentId} is not a UUID
   * @throws NotFoundException if there is no such assessment
   */
  JobHandle<Job, Job> submitGapFields(String assessmentId);

  /**
   * Starts a {@link JobType#REPORT_GENERATION} job that renders the assessment as a PDF: {@code
   * POST /api/assessments/:id/report/pdf}.
   *
   * @param assessmentId the assessment's UUID
   * @return a handle on the new job; its result is a {@link ReportGenerationResult} with the
   *     report's download URL
   * @throws IllegalArgumentException if {@code assessmentId} is not a UUID
   * @throws NotFoundException if there is no such assessment
   */
  JobHandle<Job, Job> generateReport(String assessmentId);
}
