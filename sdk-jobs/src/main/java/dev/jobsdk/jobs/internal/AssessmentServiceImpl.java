package dev.jobsdk.jobs.internal;

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
