package dev.jobsdk.jobs;

import dev.jobsdk.core.internal.Checks;
import java.net.URI;

/**
 * What {@code POST /api/assessments/:id/documents} answered: the new document's id, which {@link
 * AssessmentService#parseDocument(String, String)} takes, and the presigned URL to {@code PUT} the
 * file's bytes to (valid for 15 minutes).
 *
 * <p>The presigned URL is a credential of its own (its query signs the upload): send the bytes to
 * it without any other credential, and keep it out of logs. {@link #toString()} shows only its
 * host.
 *
 * @param documentId the document's id
 * @param presignedUrl where to {@code PUT} the file (an S3 URL on the vendor's deployment)
 */
public record DocumentUpload(String documentId, URI presignedUrl) {

  /**
   * Checks the components.
   *
   * @param documentId see {@link #documentId()}
   * @param presignedUrl see {@link #presignedUrl()}
   * @throws IllegalArgumentException if either is null or the id is blank
   */
  public DocumentUpload {
    Checks.notBlank(documentId, "documentId");
    Checks.notNull(presignedUrl, "presignedUrl");
  }

  /**
   * Describes the upload without the URL's signature.
   *
   * @return the document id and the upload host
   */
  @Override
  public String toString() {
    return "DocumentUpload[documentId=" + documentId + ", uploadHost=" + presignedUrl.getHost() + "]";
  }
}
