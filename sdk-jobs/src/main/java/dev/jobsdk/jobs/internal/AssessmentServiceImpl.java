package dev.jobsdk.jobs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.jobs.DocumentUpload;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.internal.ApiRequest;
import dev.jobsdk.core.internal.ClientRuntime;
import dev.jobsdk.jobs.AssessmentService;
import dev.jobsdk.jobs.Job;

/** The assessment endpoints that start jobs. */
public final class AssessmentServiceImpl implements AssessmentService {
  static final String ASSESSMENTS = "/api/assessments";

  private final ClientRuntime runtime;
  private final JobServiceImpl jobs;

  /**
   * Creates the service.
   *
   * @param runtime the client's runtime
   * @param jobs the job service the returned handles poll through
   */
  public AssessmentServiceImpl(ClientRuntime runtime, JobServiceImpl jobs) {
    this.runtime = runtime;
    this.jobs = jobs;
  }

  @Override
  public DocumentUpload requestDocumentUpload(
      String assessmentId, String fileName, String mimeType, long fileSize) {
    String id = Ids.uuid(assessmentId, "assessmentId");
    bounded(fileName, "fileName", 255);
    bounded(mimeType, "mimeType", 50);
    if (fileSize < 1 || fileSize > MAX_DOCUMENT_SIZE) {
      throw new IllegalArgumentException(
          "fileSize must be between 1 and " + MAX_DOCUMENT_SIZE + " bytes, was " + fileSize);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fileName", fileName);
    body.put("mimeType", mimeType);
    body.put("fileSize", fileSize);
    ApiRequest post =
        ApiRequest.post(ASSESSMENTS).segment("assessmentId", id).literal("documents").json(body);
    JsonNode answer = runtime.transport().tree(post);
    JsonNode documentId = answer.path("documentId");
    JsonNode url = answer.path("presignedUrl");
    if (!documentId.isTextual() || documentId.asText().isBlank() || !url.isTextual()) {
      throw new InvalidResponseException(post + " returned no documentId and presignedUrl", null);
    }
    URI presigned;
    try {
      presigned = new URI(url.asText());
    } catch (URISyntaxException e) {
      throw new InvalidResponseException(post + " returned a presignedUrl that is not a URL", null);
    }
    if (presigned.getScheme() == null || presigned.getHost() == null) {
      throw new InvalidResponseException(post + " returned a presignedUrl that is not absolute", null);
    }
    return new DocumentUpload(documentId.asText(), presigned);
  }

  private static void bounded(String value, String name, int max) {
    Checks.notBlank(value, name);
    if (value.length() > max) {
      throw new IllegalArgumentException(
          name + " must be at most " + max + " characters, was " + value.length());
    }
  }

  @Override
  public JobHandle<Job, Job> parseDocument(String assessmentId, String documentId) {
    ApiRequest post =
        ApiRequest.post(ASSESSMENTS)
            .segment("assessmentId", Ids.uuid(assessmentId, "assessmentId"))
            .literal("documents")
            .segment("documentId", documentId)
            .literal("parse");
    return start(post);
  }

  @Override
  public JobHandle<Job, Job> submitGapFields(String assessmentId) {
    return start(
        ApiRequest.post(ASSESSMENTS)
            .segment("assessmentId", Ids.uuid(assessmentId, "assessmentId"))
            .literal("gap-fields/submit"));
  }

  @Override
  public JobHandle<Job, Job> generateReport(String assessmentId) {
    return start(
        ApiRequest.post(ASSESSMENTS)
            .segment("assessmentId", Ids.uuid(assessmentId, "assessmentId"))
            .literal("report/pdf"));
  }

  private JobHandle<Job, Job> start(ApiRequest post) {
    return jobs.handle(JobIds.parse(runtime.transport().tree(post), post.toString()));
  }

  @Override
  public String toString() {
    return "AssessmentService";
  }
}
