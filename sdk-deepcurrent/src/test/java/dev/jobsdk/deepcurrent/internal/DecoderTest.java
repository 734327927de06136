package dev.jobsdk.deepcurrent.internal;

import dev.jobsdk.deepcurrent.BdJobSummary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.Progress;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.deepcurrent.BdAsset;
import dev.jobsdk.deepcurrent.BdCapability;
import dev.jobsdk.deepcurrent.BdJob;
import dev.jobsdk.deepcurrent.BdJobResult;
import dev.jobsdk.deepcurrent.BdPreset;
import dev.jobsdk.deepcurrent.GrowthQuote;
import dev.jobsdk.deepcurrent.GrowthRun;
import dev.jobsdk.deepcurrent.JobStatus;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecoderTest {
  private static final String SRC = "GET /api/v1/test";

  static ObjectNode seed(String name) throws IOException {
    try (InputStream in = DecoderTest.class.getResourceAsStream("/seeds/" + name)) {
      return (ObjectNode) Json.MAPPER.readTree(in);
    }
  }

  static ObjectNode json(String text) throws IOException {
    return (ObjectNode) Json.MAPPER.readTree(text);
  }

  @Test
  void bdJob_runningSeed_decodesEveryDocumentedField() throws IOException {
    BdJob job = Decoder.bdJob(seed("bd-job-running.json"), SRC);

    assertThat(job.id()).isEqualTo("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job.rawStatus()).isEqualTo("running");
    assertThat(job.state()).isEqualTo(JobState.RUNNING);
    assertThat(job.progressPercent()).isEqualTo(62);
    assertThat(job.progressMessage()).contains("Discovering contacts at 2 companies...");
    assertThat(job.progress()).contains(Progress.of(62, "Discovering contacts at 2 companies..."));
    assertThat(job.preset()).containsSame(BdPreset.FULL_PIPELINE);
    assertThat(job.requestedCapabilities())
        .containsExactly(
            BdCapability.QUALIFICATION,
            BdCapability.CONTACT_DISCOVERY,
            BdCapability.EMAIL_LOOKUP,
            BdCapability.EMAIL_VERIFY,
            BdCapability.DELIVERABLE_FINALIZE);
    assertThat(job.warnings()).isEmpty();
    assertThat(job.errorMessage()).isEmpty();
    assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-04-08T12:00:00Z"));
    assertThat(job.updatedAt()).contains(Instant.parse("2026-04-08T12:04:30Z"));
    assertThat(job.startedAt()).contains(Instant.parse("2026-04-08T12:00:05Z"));
    assertThat(job.completedAt()).isEmpty();
  }

  @Test
  void bdJob_completedSeed_mapsToSucceeded() throws IOException {
    BdJob job = Decoder.bdJob(seed("bd-job-completed.json"), SRC);

    assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(job.progress()).contains(Progress.of(100, "Job complete."));
    assertThat(job.completedAt()).contains(Instant.parse("2026-04-08T12:08:12Z"));
  }

  @Test
  void bdJob_everyDocumentedStatus_mapsToItsState() throws IOException {
    Map<String, JobState> expected =
        Map.of(
            "pending", JobState.PENDING,
            "running", JobState.RUNNING,
            "completed", JobState.SUCCEEDED,
            "failed", JobState.FAILED,
            "cancelled", JobState.CANCELLED);
    for (Map.Entry<String, JobState> e : expected.entrySet()) {
      ObjectNode node = seed("bd-job-running.json").put("status", e.getKey());
      assertThat(Decoder.bdJob(node, SRC).state()).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test
  void bdJob_unknownStatusAndExtraFields_keptRawAndIgnored() throws IOException {
    ObjectNode node = seed("bd-job-running.json").put("status", "paused_for_review");
    node.put("eta_seconds", 120).putObject("billing").put("credits", 3);
    node.put("preset", "ultra_pipeline");
    node.putArray("requested_capabilities").add("email_verify").add("phone_lookup");
    node.putArray("warnings").add("Company list truncated").addObject().put("code", "w1");

    BdJob job = Decoder.bdJob(node, SRC);

    assertThat(job.status()).isEqualTo(JobStatus.UNKNOWN);
    assertThat(job.state()).isEqualTo(JobState.UNKNOWN);
    assertThat(job.rawStatus()).isEqualTo("paused_for_review");
    assertThat(job.preset()).hasValueSatisfying(p -> {
      assertThat(p.value()).isEqualTo("ultra_pipeline");
      assertThat(p.isKnown()).isFalse();
    });
    assertThat(job.requestedCapabilities())
        .containsExactly(BdCapability.EMAIL_VERIFY, BdCapability.of("phone_lookup"));
    assertThat(job.requestedCapabilities().get(1).isKnown()).isFalse();
    assertThat(job.warnings()).hasSize(2);
    assertThat(job.warnings().get(0).message()).isEqualTo("Company list truncated");
    assertThat(job.warnings().get(1).code().orElseThrow()).isEqualTo("w1");
  }

  @Test
  void bdJob_createAnswerWithoutOptionalFields_decodes() throws IOException {
    BdJob job =
        Decoder.bdJob(
            json(
                "{\"job_id\":\"j1\",\"status\":\"pending\",\"progress_percent\":0,"
                    + "\"preset\":null,\"requested_capabilities\":[\"email_verify\"],"
                    + "\"warnings\":[],\"created_at\":\"2026-04-08T12:00:00Z\"}"),
            SRC);

    assertThat(job.preset()).isEmpty();
    assertThat(job.updatedAt()).isEmpty();
    assertThat(job.progressMessage()).isEmpty();
    assertThat(job.progress()).contains(Progress.of(0, null));
  }

  @Test
  void bdJob_timestampsWithOffsetOrWithoutZone_readAsUtc() throws IOException {
    ObjectNode node = seed("bd-job-running.json");
    node.put("created_at", "2026-04-08T14:00:00+02:00");
    node.put("updated_at", "2026-04-08T12:04:30.123456");

    BdJob job = Decoder.bdJob(node, SRC);

    assertThat(job.createdAt()).isEqualTo(Instant.parse("2026-04-08T12:00:00Z"));
    assertThat(job.updatedAt()).contains(Instant.parse("2026-04-08T12:04:30.123456Z"));
  }

  @Test
  void bdJob_progressOutOfRange_isClampedInProgressButKeptInField() throws IOException {
    BdJob job = Decoder.bdJob(seed("bd-job-running.json").put("progress_percent", 140), SRC);

    assertThat(job.progressPercent()).isEqualTo(140);
    assertThat(job.progress().orElseThrow().percent()).hasValue(100);
  }

  @Test
  void bdJob_missingIdOrStatusOrCreatedAt_isInvalidResponse() throws IOException {
    for (String field : new String[] {"job_id", "status", "created_at"}) {
      ObjectNode node = seed("bd-job-running.json");
      node.remove(field);
      assertThatThrownBy(() -> Decoder.bdJob(node, SRC))
          .as(field)
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining(field)
          .hasMessageContaining(SRC);
    }
  }

  @Test
  void bdJob_notAnObjectOrGarbledTimestamp_isInvalidResponse() throws IOException {
    assertThatThrownBy(() -> Decoder.bdJob(Json.MAPPER.readTree("[1,2]"), SRC))
        .isInstanceOf(InvalidResponseException.class);
    assertThatThrownBy(
            () -> Decoder.bdJob(seed("bd-job-running.json").put("updated_at", "yesterday"), SRC))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("updated_at");
  }

  @Test
  void bdJobResult_completedSeed_decodesSummaryAndAssets() throws IOException {
    BdJobResult result = Decoder.bdJobResult(seed("bd-job-result-completed.json"), SRC);

    assertThat(result.resultId()).contains("f9e8d7c6-b5a4-3210-fedc-ba9876543210");
    assertThat(result.isAvailable()).isTrue();
    assertThat(result.jobId()).isEqualTo("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
    assertThat(result.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(result.progressPercent()).isEqualTo(100);
    assertThat(result.progressMessage()).contains("Job complete.");
    assertThat(result.summary().deliveredContacts().orElseThrow()).isEqualTo(18);
    assertThat(result.summary().verifiedEmails().orElseThrow()).isEqualTo(14);
    assertThat(result.summary().companiesProcessed().orElseThrow()).isEqualTo(2);
    assertThat(result.createdAt()).contains(Instant.parse("2026-04-08T12:08:12Z"));
    assertThat(result.completedAt()).contains(Instant.parse("2026-04-08T12:08:12Z"));
    assertThat(result.assets()).hasSize(1);
    BdAsset asset = result.asset("verified_contacts").orElseThrow();
    assertThat(asset.label()).contains("Verified Contacts");
    assertThat(asset.kind()).contains("contacts");
    assertThat(asset.mimeType()).contains("application/json");
    assertThat(asset.availability()).contains("inline");
    assertThat(asset.isInline()).isTrue();
    assertThat(asset.downloadUrl())
        .contains("/api/v1/bd/jobs/a1b2c3d4-e5f6-7890-abcd-ef1234567890/assets/verified_contacts");
  }

  @Test
  void bdJobResult_nullResultId_isNotAvailable() throws IOException {
    ObjectNode node = seed("bd-job-result-completed.json").put("status", "running");
    node.putNull("result_id");
    node.putNull("summary");
    node.putArray("result_assets");
    node.putNull("completed_at");

    BdJobResult result = Decoder.bdJobResult(node, SRC);

    assertThat(result.resultId()).isEmpty();
    assertThat(result.isAvailable()).isFalse();
        assertThat(result.summary()).isEqualTo(BdJobSummary.EMPTY);
    assertThat(result.assets()).isEmpty();
    assertThat(result.completedAt()).isEmpty();
  }

  @Test
  void growthRun_runningSeed_putsStageStatusIntoProgress() throws IOException {
    GrowthRun run = Decoder.growthRun(seed("growth-run-running.json"), SRC);

    assertThat(run.id()).isEqualTo("7c3e1d22-9b4a-4f8c-b1e2-3d5f0a7c9e1b");
    assertThat(run.state()).isEqualTo(JobState.RUNNING);
    assertThat(run.rawStageStatus()).containsExactly(Map.entry("email_lookup", "running"));
    assertThat(run.stageStatus()).containsExactly(Map.entry("email_lookup", JobStatus.RUNNING));
    Progress progress = run.progress().orElseThrow();
    assertThat(progress.percent()).hasValue(45);
    assertThat(progress.message()).contains("Discovering email addresses...");
    assertThat(progress.stages()).containsExactly(Map.entry("email_lookup", "running"));
    assertThat(run.artifactHandles()).isEmpty();
    assertThat(run.preview().asObject().orElseThrow()).isEmpty();
  }

  @Test
  void growthRun_completedSeed_decodesHandlesPreviewAndReports() throws IOException {
    GrowthRun run = Decoder.growthRun(seed("growth-run-completed.json"), SRC);

    assertThat(run.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(run.rawStageStatus().keySet()).containsExactly("email_lookup", "email_verify");
    assertThat(run.progress().orElseThrow().percent()).hasValue(100);
    assertThat(run.artifactHandles()).singleElement().satisfies(a -> {
      assertThat(a.assetId()).isEqualTo("verified_contacts");
      assertThat(a.label()).contains("Verified Contacts");
      assertThat(a.kind()).contains("contacts");
      assertThat(a.mimeType()).isEmpty();
    });
    assertThat(run.preview().path("delivered_counts").path("verified_emails").asLong().orElseThrow().intValue()).isEqualTo(78);
    assertThat(run.preview().path("pricing").path("rebate_credits").asLong().orElseThrow().intValue()).isEqualTo(20);
    assertThat(run.dataSourceMix().path("enriched").asLong().orElseThrow().intValue()).isEqualTo(95);
    assertThat(run.gapReport().path("unresolved").asLong().orElseThrow().intValue()).isEqualTo(5);
  }

  @Test
  void growthRun_failed_errorMessageIsTheProgressMessage() throws IOException {
    ObjectNode node = seed("growth-run-running.json").put("status", "failed");
    ((ObjectNode) node.get("progress")).put("message", "Provider quota exhausted");

    GrowthRun failed = Decoder.growthRun(node, SRC);
    GrowthRun running = Decoder.growthRun(seed("growth-run-running.json"), SRC);

    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    assertThat(failed.errorMessage()).contains("Provider quota exhausted");
    assertThat(running.errorMessage()).isEmpty();
  }

  @Test
  void growthRun_startAnswer_decodesWithoutProgress() throws IOException {
    GrowthRun run =
        Decoder.growthRun(
            json(
                "{\"status\":\"running\",\"run_id\":\"r1\",\"preview\":{\"message\":\"Enrichment"
                    + " has been queued.\",\"pipeline_id\":\"full_pipeline\"},"
                    + "\"data_source_mix\":{},\"gap_report\":{}}"),
            SRC);

    assertThat(run.id()).isEqualTo("r1");
    assertThat(run.progress()).isEmpty();
    assertThat(run.rawStageStatus()).isEmpty();
    assertThat(run.preview().path("message").asString().orElseThrow()).isEqualTo("Enrichment has been queued.");
  }

  @Test
  void growthRun_artifactHandleExtraFields_keptInRaw() throws IOException {
    ObjectNode node = seed("growth-run-completed.json");
    ((ObjectNode) node.get("artifact_handles").get(0)).put("row_count", 95);

    GrowthRun run = Decoder.growthRun(node, SRC);

    assertThat(run.artifactHandles().get(0).raw().path("row_count").asLong().orElseThrow().intValue()).isEqualTo(95);
  }

  @Test
  void growthQuote_quotable_decodesTokenExpiryCreditsAndPlan() throws IOException {
    JsonNode node =
        json(
            "{\"ok\":true,\"quotable\":true,\"quote_token\":\"eyJhbGciOi.secret.sig\","
                + "\"expiry\":\"2026-04-08T12:30:00Z\",\"credits_total\":450,"
                + "\"cost_breakdown\":{\"enrichment\":450},\"provider_estimate\":{},"
                + "\"expected_artifacts\":{\"verified_emails\":80,\"enriched_contacts\":100},"
                + "\"goal_plan\":{\"pipeline_id\":\"email_discovery_v1\"},"
                + "\"missing_requirements\":[],\"error_code\":null,\"detail\":null,"
                + "\"suggested_next_action\":\"Run it.\"}");

    GrowthQuote quote = Decoder.growthQuote(node, SRC);

    assertThat(quote.ok()).isTrue();
    assertThat(quote.quotable()).isTrue();
    assertThat(quote.quoteToken()).contains("eyJhbGciOi.secret.sig");
    assertThat(quote.expiry()).contains(Instant.parse("2026-04-08T12:30:00Z"));
    assertThat(quote.creditsTotal()).hasValue(450);
    assertThat(quote.costBreakdown().path("enrichment").asLong().orElseThrow().intValue()).isEqualTo(450);
    assertThat(quote.expectedArtifacts().path("verified_emails").asLong().orElseThrow().intValue()).isEqualTo(80);
    assertThat(quote.goalPlan().path("pipeline_id").asString().orElseThrow()).isEqualTo("email_discovery_v1");
    assertThat(quote.errorCode()).isEmpty();
    assertThat(quote.suggestedNextAction()).contains("Run it.");
    assertThat(quote.isExpiredAt(Instant.parse("2026-04-08T12:29:59Z"))).isFalse();
    assertThat(quote.isExpiredAt(Instant.parse("2026-04-08T12:30:00Z"))).isTrue();
  }

  @Test
  void growthQuote_toString_neverShowsTheToken() throws IOException {
    GrowthQuote quote =
        Decoder.growthQuote(
            json("{\"ok\":true,\"quotable\":true,\"quote_token\":\"eyJsecret-token-value\"}"),
            SRC);

    assertThat(quote.toString()).doesNotContain("eyJsecret-token-value").contains("***");
  }

  @Test
  void growthQuote_notQuotable_keepsErrorCodeAndDetail() throws IOException {
    GrowthQuote quote =
        Decoder.growthQuote(
            json(
                "{\"ok\":false,\"quotable\":false,\"quote_token\":null,\"credits_total\":450,"
                    + "\"error_code\":\"max_external_spend_too_low\",\"detail\":\"Too low.\","
                    + "\"missing_requirements\":[\"input_assets.companies\"]}"),
            SRC);

    assertThat(quote.quotable()).isFalse();
    assertThat(quote.quoteToken()).isEmpty();
    assertThat(quote.errorCode()).contains("max_external_spend_too_low");
    assertThat(quote.detail()).contains("Too low.");
    assertThat(quote.missingRequirements()).singleElement()
        .satisfies(n -> assertThat(n.asString().orElseThrow()).isEqualTo("input_assets.companies"));
  }

  @Test
  void bdJob_keepsACopyOfTheWholeDocument() throws IOException {
    ObjectNode node = seed("bd-job-running.json");
    node.put("unmodelled_field", "kept");
    ObjectNode expected = node.deepCopy();

    BdJob job = Decoder.bdJob(node, SRC);
    node.put("unmodelled_field", "changed after decoding");

    assertThat(job.rawJson()).contains(expected.toString());
  }

  @Test
  void growthRun_keepsACopyOfTheWholeDocument() throws IOException {
    ObjectNode node = seed("growth-run-running.json");
    node.putObject("unmodelled_object").put("a", 1);
    ObjectNode expected = node.deepCopy();

    GrowthRun run = Decoder.growthRun(node, SRC);
    node.remove("unmodelled_object");

    assertThat(run.rawJson()).contains(expected.toString());
  }

  @Test
  void recordsBuiltByHand_haveNoRawJson() throws IOException {
    BdJob job = Decoder.bdJob(seed("bd-job-running.json"), SRC);
    GrowthRun run = Decoder.growthRun(seed("growth-run-running.json"), SRC);

    BdJob byHand =
        new BdJob(
            job.id(),
            job.status(),
            job.rawStatus(),
            job.progressPercent(),
            job.progressMessage(),
            job.preset(),
            job.requestedCapabilities(),
            job.warnings(),
            job.errorMessage(),
            job.createdAt(),
            job.updatedAt(),
            job.startedAt(),
            job.completedAt(),
            java.util.Optional.empty());
    GrowthRun runByHand =
        new GrowthRun(
            run.id(),
            run.status(),
            run.rawStatus(),
            run.rawStageStatus(),
            run.progress(),
            run.resultHandles(),
            run.artifactHandles(),
            run.exportHandles(),
            run.preview(),
            run.dataSourceMix(),
            run.gapReport(),
            java.util.Optional.empty());

    assertThat(byHand.rawJson()).isEmpty();
    assertThat(runByHand.rawJson()).isEmpty();
    assertThat(byHand.toString()).isEqualTo(job.toString());
    assertThat(runByHand.toString()).isEqualTo(run.toString());
    assertThatThrownBy(
            () ->
                new BdJob(
                    job.id(),
                    job.status(),
                    job.rawStatus(),
                    0,
                    job.progressMessage(),
                    job.preset(),
                    job.requestedCapabilities(),
                    job.warnings(),
                    job.errorMessage(),
                    job.createdAt(),
                    job.updatedAt(),
                    job.startedAt(),
                    job.completedAt(),
                    null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("rawJson");
  }
}
