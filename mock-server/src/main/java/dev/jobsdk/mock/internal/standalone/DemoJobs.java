package dev.jobsdk.mock.internal.standalone;

import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The jobs a standalone server starts with, so that a new user has ids to try at once: in each CLI
 * family ({@code bd}, {@code growth}, {@code deepidv}, {@code jobs}) one job running for a while, one
 * completed and one failed, owned by the credentials the banner exports. The running ones run from
 * the first instant (no queueing), so they read "running" at once.
 */
final class DemoJobs {

  /**
   * One seeded job.
   *
   * @param family the CLI family
   * @param id the job id
   * @param state what it shows: running, completed or failed
   * @param note what kind of job it is
   */
  record DemoJob(String family, String id, String state, String note) {
  }

  private DemoJobs() {
  }

  static List<DemoJob> create(MockJobServer server) {
    List<DemoJob> jobs = new ArrayList<>();
    String dc = MockCredentials.DEEPCURRENT_PAID_KEY;
    String idv = MockCredentials.DEEPIDV_ORG_A_KEY;
    String risk = MockCredentials.RISK_ADMIN_EMAIL;

    Lifecycle bdRunning = Lifecycle.builder()
        .stage("qualification", Duration.ofMinutes(2), "Qualifying 2 companies against the ICP...")
        .stage("contact_discovery", Duration.ofMinutes(4), "Discovering contacts at 2 companies...")
        .stage("email_lookup", Duration.ofMinutes(2), "Looking up email addresses for 18 contacts...")
        .stage("email_verify", Duration.ofMinutes(2), "Verifying 18 email addresses...")
        .build();
    jobs.add(new DemoJob("bd", server.deepCurrent().createBdJob(dc, "full_pipeline", bdRunning), "running",
        "full_pipeline, about 10 minutes"));
    jobs.add(new DemoJob("bd", server.deepCurrent().createBdJob(dc, "full_pipeline", done()), "completed",
        "with a result and two assets"));
    jobs.add(new DemoJob("bd", server.deepCurrent().createBdJob(dc, "verify_existing_emails",
        failed("Email verification provider unavailable.")), "failed", "verify_existing_emails"));

    Lifecycle growthRunning = Lifecycle.builder()
        .stage("email_lookup", Duration.ofMinutes(3), "Discovering email addresses...")
        .stage("email_verify", Duration.ofMinutes(2), "Verifying email addresses...")
        .build();
    jobs.add(new DemoJob("growth", server.deepCurrent().createGrowthRun(dc, growthRunning), "running",
        "two stages, about 5 minutes"));
    jobs.add(new DemoJob("growth", server.deepCurrent().createGrowthRun(dc, done()), "completed", ""));
    jobs.add(new DemoJob("growth", server.deepCurrent().createGrowthRun(dc, failed("Enrichment provider timed out.")),
        "failed", ""));

    Lifecycle screening = Lifecycle.builder()
        .stage("searching", Duration.ofSeconds(90), "Searching news, watchlists and court records...")
        .stage("corroborating", Duration.ofSeconds(60), "Corroborating findings...")
        .stage("scoring", Duration.ofSeconds(30), "Scoring risk...")
        .build();
    jobs.add(new DemoJob("deepidv", server.deepIdv().createJob(idv, screening), "running",
        "adverse-media screening, 3 minutes"));
    jobs.add(new DemoJob("deepidv", server.deepIdv().createJob(idv, done()), "completed", "ready, with its result"));
    jobs.add(new DemoJob("deepidv", server.deepIdv().createJob(idv, failed("upstream timeout")), "failed", ""));

    Lifecycle parse = Lifecycle.builder()
        .stage("textract", Duration.ofMinutes(2), "Extracting text with Textract...")
        .stage("extract_tables", Duration.ofSeconds(40), "Extracting tables...")
        .build();
    jobs.add(new DemoJob("jobs", server.riskTool().createJob(risk, "PARSE_DOCUMENT", parse), "running",
        "PARSE_DOCUMENT, about 3 minutes"));
    jobs.add(new DemoJob("jobs", server.riskTool().createJob(risk, "AI_PREVIEW", done()), "completed",
        "AI_PREVIEW"));
    jobs.add(new DemoJob("jobs", server.riskTool().createJob(risk, "REPORT_GENERATION",
        failed("PDF rendering failed: template not found")), "failed", "REPORT_GENERATION, after 3 attempts"));
    return List.copyOf(jobs);
  }

  /** Completed from the start: no queueing, no stages. */
  private static Lifecycle done() {
    return Lifecycle.builder().build();
  }

  private static Lifecycle failed(String message) {
    return Lifecycle.builder().fail(message).build();
  }
}
