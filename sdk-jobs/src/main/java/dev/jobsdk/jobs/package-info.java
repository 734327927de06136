/**
 * The CGIAR Risk Intelligence Tool client: {@link dev.jobsdk.jobs.JobsClient} and its services,
 * {@link dev.jobsdk.jobs.JobService} (read and await {@code /api/jobs/:id}), {@link
 * dev.jobsdk.jobs.PromptService} (prompt previews) and {@link dev.jobsdk.jobs.AssessmentService}
 * (document parsing, risk analysis, report generation). Every job is a {@link dev.jobsdk.jobs.Job};
 * its result is read through the typed accessor of its {@link dev.jobsdk.jobs.JobType}, such as
 * {@link dev.jobsdk.jobs.Job#reportGenerationResult()}.
 */
package dev.jobsdk.jobs;
