package dev.jobsdk.jobs;

import static dev.jobsdk.jobs.internal.TestJobs.parse;
import static dev.jobsdk.jobs.internal.TestJobs.resource;
import static dev.jobsdk.jobs.internal.TestJobs.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.Progress;
import dev.jobsdk.core.internal.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobTest {

  @Test
  void seedCompleted_decodesEveryDocumentedField() {
    Job job = parse(resource("seeds/riskjobs-job-completed.json"));

    assertThat(job.id()).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
    assertThat(job.type()).isEqualTo(JobType.AI_PREVIEW);
    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(job.attempts()).isEqualTo(1);
    assertThat(job.maxAttempts()).isEqualTo(Job.DEFAULT_MAX_ATTEMPTS);
    assertThat(job.error()).isEmpty();
    assertThat(job.input().isNull()).isTrue();
    assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-03-04T12:00:00Z"));
    assertThat(job.startedAt()).contains(Instant.parse("2026-03-04T12:00:01Z"));
    assertThat(job.completedAt()).contains(Instant.parse("2026-03-04T12:00:05Z"));
    assertThat(job.updatedAt()).isEqualTo(Instant.parse("2026-03-04T12:00:05Z"));
    AiPreviewResult result = job.aiPreviewResult().orElseThrow();
    assertThat(result.output()).startsWith("The main market risks identified are price volatility");
    // The documentation's example omits tokensUsed and processingTime.
    assertThat(result.tokensUsed()).isEmpty();
    assertThat(result.processingTime()).isEmpty();
  }

  @Test
  void seedFailed_carriesTheVendorsErrorText() {
    Job job = parse(resource("seeds/riskjobs-job-failed.json"));

    assertThat(job.state()).isEqualTo(JobState.FAILED);
    assertThat(job.errorMessage())
        .contains("Bedrock API error: ThrottlingException - Rate exceeded");
    assertThat(job.result()).isEmpty();
    assertThat(job.aiPreviewResult()).isEmpty();
    assertThat(job.progress()).isEmpty();
  }

  @Test
  void seedProcessing_isRunningWithoutResult() {
    Job job = parse(resource("seeds/riskjobs-job-processing.json"));

    assertThat(job.state()).isEqualTo(JobState.RUNNING);
    assertThat(job.rawStatus()).isEqualTo("PROCESSING");
    assertThat(job.completedAt()).isEmpty();
    assertThat(job.aiPreviewResult()).isEmpty();
    assertThat(job.progress()).as("a first attempt reports no progress").isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "PENDING, PENDING, PENDING",
    "PROCESSING, PROCESSING, RUNNING",
    "COMPLETED, COMPLETED, SUCCEEDED",
    "FAILED, FAILED, FAILED",
    "CANCELLED, UNKNOWN, UNKNOWN",
    "processing, PROCESSING, RUNNING",
    "completed, COMPLETED, SUCCEEDED",
    "Failed, FAILED, FAILED",
    "ARCHIVED, UNKNOWN, UNKNOWN"
  })
  void status_mapsToTheCoreStates_inAnyCase_andKeepsUnknownValues(
      String raw, JobStatus status, JobState state) {
    Job job = parse(row("AI_PREVIEW", raw, 0, null));

    assertThat(job.status()).isEqualTo(status);
    assertThat(job.state()).isEqualTo(state);
    assertThat(job.rawStatus()).isEqualTo(raw);
  }

  @Test
  void unknownType_keepsTheRawString_andItsResultStaysReadableAsJson() {
    Job job = parse(row("CLIMATE_SCREENING", "COMPLETED", 1, "{\"score\": 7}"));

    assertThat(job.type()).isEqualTo(JobType.UNKNOWN);
    assertThat(job.rawType()).isEqualTo("CLIMATE_SCREENING");
    assertThat(job.resultAs(JsonNode.class).orElseThrow().get("score").asInt()).isEqualTo(7);
    record Screening(int score) {}
    assertThat(job.resultAs(Screening.class)).contains(new Screening(7));
  }

  @Test
  void pendingAfterAFailedAttempt_isProgressNamingTheAttempt() {
    Job job = parse(row("AI_PREVIEW", "PENDING", 1, null));

    assertThat(job.state()).isEqualTo(JobState.PENDING);
    assertThat(job.progress())
        .contains(Progress.of(null, "retrying after failed attempt 1 of 3"));
    assertThat(parse(row("AI_PREVIEW", "PENDING", 0, null)).progress()).isEmpty();
  }

  @Test
  void secondAttemptRunning_isProgressNamingTheAttempt() {
    assertThat(parse(row("AI_PREVIEW", "PROCESSING", 2, null)).progress())
        .contains(Progress.of(null, "attempt 2 of 3"));
  }

  @Test
  void aiPreviewResult_readsEveryField() {
    Job job =
        parse(
            row(
                "AI_PREVIEW",
                "COMPLETED",
                1,
                "{\"output\": \"Risks: ...\", \"tokensUsed\": 812, \"processingTime\": 2345}"));

    assertThat(job.aiPreviewResult())
        .contains(
            new AiPreviewResult(
                "Risks: ...",
                java.util.OptionalLong.of(812),
                java.util.Optional.of(Duration.ofMillis(2345))));
  }

  @Test
  void parseDocumentResult_readsTablesAndMetadata() {
    String result =
        """
        {"pages": 12, "textContent": "Business plan\\nRevenue 2025",
         "tables": [{"page": 3, "tableIndex": 0, "rowCount": 2, "columnCount": 2,
                     "headers": ["Year", "Revenue"], "rows": [["Year", "Revenue"], ["2025", "1.2M"]]}],
         "metadata": {"textractJobId": "tx-123", "s3Key": "assessments/a/doc.pdf",
                      "processingTimeMs": 41000, "processedAt": "2026-03-04T12:01:00.000Z",
                      "textractModel": "AnalyzeDocument/TABLES"}}
        """;
    ParseDocumentResult parsed =
        parse(row("PARSE_DOCUMENT", "COMPLETED", 1, result)).parseDocumentResult().orElseThrow();

    assertThat(parsed.pages()).isEqualTo(12);
    assertThat(parsed.textContent()).isEqualTo("Business plan\nRevenue 2025");
    assertThat(parsed.tables())
        .containsExactly(
            new ParseDocumentResult.Table(
                3,
                0,
                2,
                2,
                List.of("Year", "Revenue"),
                List.of(List.of("Year", "Revenue"), List.of("2025", "1.2M"))));
    ParseDocumentResult.Metadata meta = parsed.metadata().orElseThrow();
    assertThat(meta.textractJobId()).contains("tx-123");
    assertThat(meta.s3Key()).contains("assessments/a/doc.pdf");
    assertThat(meta.processingTime()).contains(Duration.ofSeconds(41));
    assertThat(meta.processedAt()).contains(Instant.parse("2026-03-04T12:01:00Z"));
    assertThat(meta.textractModel()).contains("AnalyzeDocument/TABLES");
  }

  @Test
  void gapRiskAndReportResults_readEveryField() {
    assertThat(
            parse(row("GAP_DETECTION", "COMPLETED", 1, "{\"assessmentId\": \"a\", \"gapFieldsCreated\": 10}"))
                .gapDetectionResult())
        .contains(new GapDetectionResult("a", 10, java.util.OptionalLong.empty()));
    assertThat(
            parse(
                    row(
                        "RISK_ANALYSIS",
                        "COMPLETED",
                        1,
                        "{\"assessmentId\": \"a\", \"categoriesScored\": 7, \"overallScore\": 54}"))
                .riskAnalysisResult())
        .contains(new RiskAnalysisResult("a", 7, 54.0));
    ReportGenerationResult report =
        parse(
                row(
                    "REPORT_GENERATION",
                    "COMPLETED",
                    1,
                    "{\"assessmentId\": \"a\", \"pdfKey\": \"reports/a/r.pdf\","
                        + " \"downloadUrl\": \"https://bucket.s3.amazonaws.com/reports/a/r.pdf?X-Amz-Signature=abc123\"}"))
            .reportGenerationResult()
            .orElseThrow();
    assertThat(report.downloadUrl())
        .isEqualTo(
            URI.create("https://bucket.s3.amazonaws.com/reports/a/r.pdf?X-Amz-Signature=abc123"));
    assertThat(report.toString()).contains("reports/a/r.pdf").doesNotContain("abc123");
  }

  @Test
  void resultAccessor_forAnotherJobType_throwsIllegalStateException() {
    Job job = parse(row("AI_PREVIEW", "COMPLETED", 1, "{\"output\": \"x\"}"));

    assertThatThrownBy(job::parseDocumentResult)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is a AI_PREVIEW job")
        .hasMessageContaining("ParseDocumentResult is the result of PARSE_DOCUMENT jobs");
    assertThatThrownBy(() -> job.resultAs(ReportGenerationResult.class))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void resultAccessor_isCheckedEvenBeforeTheJobCompleted() {
    Job job = parse(row("PARSE_DOCUMENT", "PROCESSING", 1, null));

    assertThat(job.parseDocumentResult()).isEmpty();
    assertThatThrownBy(job::aiPreviewResult).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void resultOfTheWrongShape_throwsInvalidResponseException() {
    Job job = parse(row("RISK_ANALYSIS", "COMPLETED", 1, "{\"assessmentId\": \"a\"}"));

    assertThatThrownBy(job::riskAnalysisResult)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("RISK_ANALYSIS job 550e8400-e29b-41d4-a716-446655440000")
        .hasMessageContaining("categoriesScored is missing");
    Job notAnObject = parse(row("AI_PREVIEW", "COMPLETED", 1, "\"just text\""));
    assertThatThrownBy(notAnObject::aiPreviewResult)
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("expected a JSON object");
  }

  @Test
  void jobWithoutIdOrStatus_isAnInvalidResponse() {
    assertThatThrownBy(() -> parse("{\"type\": \"AI_PREVIEW\", \"status\": \"PENDING\"}"))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("id must not be null");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"id\": \"x\", \"type\": \"AI_PREVIEW\", \"createdAt\": \"2026-03-04T12:00:00Z\","
                        + " \"updatedAt\": \"2026-03-04T12:00:00Z\"}"))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("status must not be null");
  }

  @Test
  void toString_leavesOutInputAndResult() {
    Job job =
        parse(
            row(
                "REPORT_GENERATION",
                "COMPLETED",
                1,
                "{\"assessmentId\": \"a\", \"pdfKey\": \"k\", \"downloadUrl\": \"https://x/k?sig=secret\"}"));

    assertThat(job.toString())
        .contains("REPORT_GENERATION", "COMPLETED", "attempts=1/3")
        .doesNotContain("secret")
        .doesNotContain("assessmentId");
  }

  @Test
  void constructor_rejectsATypeThatContradictsItsRawString() {
    Job job = parse(row("AI_PREVIEW", "PENDING", 0, null));

    assertThatThrownBy(
            () ->
                new Job(
                    job.id(), JobType.PARSE_DOCUMENT, null, null, null, null, 0, 3, null,
                    job.createdAt(), job.updatedAt(), null, null, "AI_PREVIEW", "PENDING", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("type PARSE_DOCUMENT does not match rawType 'AI_PREVIEW'");
    Job fromEnums =
        new Job(
            job.id(), JobType.GAP_DETECTION, JobStatus.FAILED, null, null, null, 3, 3, null,
            job.createdAt(), job.updatedAt(), null, null, null, null, null);
    assertThat(fromEnums.rawType()).isEqualTo("GAP_DETECTION");
    assertThat(fromEnums.rawStatus()).isEqualTo("FAILED");
    assertThat(fromEnums.input().isNull()).isTrue();
  }

  @Test
  void parsedJob_keepsTheWholeRow_asRawJson() throws Exception {
    String json = resource("seeds/riskjobs-job-completed.json");

    Job job = parse(json);

    assertThat(job.rawJson()).contains(json);
  }

  @Test
  void constructorWithoutRawJson_leavesItEmpty() {
    Job job = parse(row("AI_PREVIEW", "PENDING", 0, null));

    Job built =
        new Job(
            job.id(), null, null, job.input(), job.result(), job.error(), 0, 3,
            job.createdById(), job.createdAt(), job.updatedAt(), null, null, "AI_PREVIEW",
            "PENDING", null);

    assertThat(built.rawJson()).isEmpty();
    assertThat(job).isNotEqualTo(built);
    assertThat(job.toString()).isEqualTo(built.toString());
  }
}
