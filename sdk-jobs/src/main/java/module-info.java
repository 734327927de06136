/**
 * jobsdk client for the CGIAR Risk Intelligence Tool's background jobs: read and await jobs
 * ({@code /api/jobs/:id}) and start them (prompt previews, document parsing, gap-field submission,
 * report generation).
 *
 * <p>Public API: {@link dev.jobsdk.jobs}. The {@code internal} package is not API.
 */
module dev.jobsdk.jobs {
  requires transitive dev.jobsdk.core;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports dev.jobsdk.jobs;

  opens dev.jobsdk.jobs to
      com.fasterxml.jackson.databind;
  opens dev.jobsdk.jobs.internal to
      com.fasterxml.jackson.databind;
}
