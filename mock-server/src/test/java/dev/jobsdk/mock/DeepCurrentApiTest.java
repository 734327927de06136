package dev.jobsdk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.mock.Http.Reply;
import dev.jobsdk.mock.junit.MockJobServerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockJobServerExtension.class)
class DeepCurrentApiTest {

  private static final String PAID = "Bearer " + MockCredentials.DEEPCURRENT_PAID_KEY;
  private static final String FREE = "Bearer " + MockCredentials.DEEPCURRENT_FREE_KEY;
  private static final Lifecycle TWO_STAGES = Lifecycle.builder()
      .queued(Duration.ofSeconds(5))
      .stage("qualification", Duration.ofSeconds(60), "Qualifying 2 companies against the ICP...")
      .stage("contact_discovery", Duration.ofSeconds(60), "Discovering contacts at 2 companies...")
      .build();

  private final MockJobServer server;
  private final Http http;

  DeepCurrentApiTest(MockJobServer server) {
    this.server = server;
    this.http = new Http(server);
  }

  private String createBdJob(String body) {
    Reply reply = http.post("/api/v1/bd/jobs", body, "Authorization", PAID);
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
    return reply.json().get("job_id").asText();
  }

  private JsonNode bdStatus(String id) {
    Reply reply = http.get("/api/v1/bd/jobs/" + id, "Authorization", PAID);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private void advance(long seconds) {
    server.clock().advance(Duration.ofSeconds(seconds));
  }

  @Nested
  class Auth {
    @Test
    void missingCredentials_is401NotAuthenticated() {
      Reply reply = http.get("/api/v1/bd/jobs/a1b2c3d4-e5f6-7890-abcd-ef1234567890");
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.json().get("detail").asText()).isEqualTo("Not authenticated");
      assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void unknownApiKey_is401() {
      Reply reply = http.post("/api/v1/bd/jobs", "{\"preset\":\"full_pipeline\"}", "Authorization", "Bearer dc_nope");
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.json().get("detail").asText()).isEqualTo("Invalid API key");
    }

    @Test
    void xApiKeyHeader_isAcceptedLikeBearer() {
      Reply reply = http.post("/api/v1/bd/jobs", "{\"preset\":\"full_pipeline\"}",
          "X-API-Key", MockCredentials.DEEPCURRENT_PAID_KEY);
      assertThat(reply.status()).isEqualTo(202);
    }

    @Test
    void garbageBearerToken_is401() {
      Reply reply = http.get("/api/v1/bd/jobs/x", "Authorization", "Bearer eyJhbGciOi.not.valid");
      assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void login_returnsJwtThatWorksUntilTheServerClockPassesExp() {
      Reply login = http.postForm("/api/v1/login/access-token",
          "username=paid%40example.com&password=paid-password");
      assertThat(login.status()).isEqualTo(200);
      assertThat(login.json().get("token_type").asText()).isEqualTo("bearer");
      String token = login.json().get("access_token").asText();
      assertThat(token).startsWith("eyJ").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
      JsonNode payload = Http.jwtPayload(token);
      long iat = MockJobServer.DEFAULT_START_TIME.getEpochSecond();
      assertThat(payload.get("iat").asLong()).isEqualTo(iat);
      assertThat(payload.get("exp").asLong()).isEqualTo(iat + 3600);
      assertThat(payload.get("sub").asText()).isNotBlank();

      Reply created = http.post("/api/v1/bd/jobs", "{\"preset\":\"full_pipeline\"}", "Authorization", "Bearer " + token);
      assertThat(created.status()).isEqualTo(202);
      String id = created.json().get("job_id").asText();
      assertThat(server.jobs().get(id).owner()).isEqualTo(MockCredentials.DEEPCURRENT_PAID_KEY);

      advance(3599);
      assertThat(http.get("/api/v1/bd/jobs/" + id, "Authorization", "Bearer " + token).status()).isEqualTo(200);
      advance(1);
      Reply expired = http.get("/api/v1/bd/jobs/" + id, "Authorization", "Bearer " + token);
      assertThat(expired.status()).isEqualTo(401);
      assertThat(expired.json().get("detail").asText()).isEqualTo("Token has expired");
    }

    @Test
    void login_wrongPassword_is400() {
      Reply reply = http.postForm("/api/v1/login/access-token", "username=paid%40example.com&password=nope");
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().get("detail").asText()).isEqualTo("Incorrect email or password");
    }

    @Test
    void login_missingPassword_is422() {
      Reply reply = http.postForm("/api/v1/login/access-token", "username=paid%40example.com");
      assertThat(reply.status()).isEqualTo(422);
      assertThat(reply.json().at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"password\"]");
    }
  }

  @Nested
  class CreateBdJob {
    @Test
    void withPreset_returns202PendingRecord() {
      Reply reply = http.post("/api/v1/bd/jobs",
          "{\"preset\":\"full_pipeline\",\"input_assets\":{\"companies\":[{\"company_name\":\"Acme\",\"website\":\"https://www.acme.test\"}]}}",
          "Authorization", PAID);
      assertThat(reply.status()).isEqualTo(202);
      JsonNode job = reply.json();
      assertThat(job.get("job_id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(job.get("status").asText()).isEqualTo("pending");
      assertThat(job.get("progress_percent").isInt()).isTrue();
      assertThat(job.get("progress_percent").asInt()).isZero();
      assertThat(job.get("preset").asText()).isEqualTo("full_pipeline");
      assertThat(job.get("requested_capabilities").toString()).isEqualTo(
          "[\"qualification\",\"contact_discovery\",\"email_lookup\",\"email_verify\",\"deliverable_finalize\"]");
      assertThat(job.get("warnings").isArray()).isTrue();
      assertThat(job.get("created_at").asText()).isEqualTo("2026-04-08T12:00:00Z");
      assertThat(server.deepCurrent().credits(MockCredentials.DEEPCURRENT_PAID_KEY)).isEqualTo(9_999);
    }

    @Test
    void withRequestedCapabilities_resolvesInPipelineOrderAndAddsFinalize() {
      Reply reply = http.post("/api/v1/bd/jobs",
          "{\"requested_capabilities\":[\"email_verify\",\"company_size\"]}", "Authorization", PAID);
      assertThat(reply.status()).isEqualTo(202);
      assertThat(reply.json().get("preset").isNull()).isTrue();
      assertThat(reply.json().get("requested_capabilities").toString())
          .isEqualTo("[\"company_size\",\"email_verify\",\"deliverable_finalize\"]");
    }

    @Test
    void presetAndCapabilitiesTogether_is422() {
      Reply reply = http.post("/api/v1/bd/jobs",
          "{\"preset\":\"full_pipeline\",\"requested_capabilities\":[\"email_verify\"]}", "Authorization", PAID);
      assertThat(reply.status()).isEqualTo(422);
      JsonNode issue = reply.json().get("detail").get(0);
      assertThat(issue.get("loc").toString()).isEqualTo("[\"body\"]");
      assertThat(issue.get("type").asText()).isEqualTo("value_error");
      assertThat(issue.get("msg").asText()).contains("mutually exclusive");
    }

    @Test
    void neitherPresetNorCapabilities_is422() {
      Reply reply = http.post("/api/v1/bd/jobs", "{}", "Authorization", PAID);
      assertThat(reply.status()).isEqualTo(422);
      assertThat(reply.json().at("/detail/0/msg").asText()).contains("either preset or requested_capabilities");
    }

    @Test
    void unknownPresetOrCapability_is422AtTheField() {
      Reply preset = http.post("/api/v1/bd/jobs", "{\"preset\":\"everything\"}", "Authorization", PAID);
      assertThat(preset.status()).isEqualTo(422);
      assertThat(preset.json().at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"preset\"]");
      assertThat(preset.json().at("/detail/0/type").asText()).isEqualTo("enum");

      Reply capability = http.post("/api/v1/bd/jobs", "{\"requested_capabilities\":[\"email_verify\",\"magic\"]}",
          "Authorization", PAID);
      assertThat(capability.json().at("/detail/0/loc").toString())
          .isEqualTo("[\"body\",\"requested_capabilities\",1]");
    }

    @Test
    void malformedJsonOrWrongFieldTypes_is422() {
      assertThat(http.post("/api/v1/bd/jobs", "{not json", "Authorization", PAID).json().at("/detail/0/type").asText())
          .isEqualTo("json_invalid");
      Reply types = http.post("/api/v1/bd/jobs",
          "{\"preset\":\"full_pipeline\",\"input_assets\":[],\"chat_id\":\"nope\"}", "Authorization", PAID);
      assertThat(types.status()).isEqualTo(422);
      assertThat(types.json().get("detail")).hasSize(2);
    }

    @Test
    void freeTier_is403BeforeValidation() {
      Reply reply = http.post("/api/v1/bd/jobs", "{}", "Authorization", FREE);
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.json().get("detail").asText()).contains("paid subscription");
    }

    @Test
    void outOfCredits_is402() {
      server.deepCurrent().setCredits(MockCredentials.DEEPCURRENT_PAID_KEY, 0);
      Reply reply = http.post("/api/v1/bd/jobs", "{\"preset\":\"full_pipeline\"}", "Authorization", PAID);
      assertThat(reply.status()).isEqualTo(402);
      assertThat(reply.json().get("detail").asText()).contains("credit");
      assertThat(server.jobs().list()).isEmpty();
    }
  }

  @Nested
  class BdLifecycle {
    @Test
    void pendingRunningCompleted_followTheVirtualClock() {
      server.deepCurrent().nextBdJob(TWO_STAGES);
      String id = createBdJob("{\"preset\":\"full_pipeline\"}");

      JsonNode pending = bdStatus(id);
      assertThat(pending.get("status").asText()).isEqualTo("pending");
      assertThat(pending.get("progress_message").asText()).isEqualTo("Job queued.");
      assertThat(pending.get("started_at").isNull()).isTrue();
      assertThat(pending.get("completed_at").isNull()).isTrue();

      advance(5);
      JsonNode started = bdStatus(id);
      assertThat(started.get("status").asText()).isEqualTo("running");
      assertThat(started.get("progress_percent").asInt()).isZero();
      assertThat(started.get("progress_message").asText()).isEqualTo("Qualifying 2 companies against the ICP...");
      assertThat(started.get("started_at").asText()).isEqualTo("2026-04-08T12:00:05Z");

      advance(90);
      JsonNode running = bdStatus(id);
      assertThat(running.get("progress_percent").asInt()).isEqualTo(75);
      assertThat(running.get("progress_message").asText()).isEqualTo("Discovering contacts at 2 companies...");
      assertThat(running.get("updated_at").asText()).isEqualTo("2026-04-08T12:01:05Z");

      advance(30);
      JsonNode done = bdStatus(id);
      assertThat(done.get("status").asText()).isEqualTo("completed");
      assertThat(done.get("progress_percent").asInt()).isEqualTo(100);
      assertThat(done.get("progress_message").asText()).isEqualTo("Job complete.");
      assertThat(done.get("error_message").isNull()).isTrue();
      assertThat(done.get("created_at").asText()).isEqualTo("2026-04-08T12:00:00Z");
      assertThat(done.get("started_at").asText()).isEqualTo("2026-04-08T12:00:05Z");
      assertThat(done.get("completed_at").asText()).isEqualTo("2026-04-08T12:02:05Z");
      assertThat(done.get("updated_at").asText()).isEqualTo("2026-04-08T12:02:05Z");
    }

    @Test
    void seededDefault_takesMinutesThroughThePresetStagesWithCountedMessages() {
      String id = createBdJob("{\"preset\":\"full_pipeline\"}");
      List<String> messages = new ArrayList<>();
      String status = "pending";
      int polls = 0;
      while (!status.equals("completed") && polls < 60) {
        advance(20);
        polls++;
        JsonNode job = bdStatus(id);
        status = job.get("status").asText();
        String message = job.get("progress_message").asText();
        if (!messages.contains(message)) {
          messages.add(message);
        }
      }
      assertThat(status).isEqualTo("completed");
      assertThat(polls * 20).isBetween(120, 700);
      assertThat(messages).contains("Discovering contacts at 2 companies...", "Job complete.");
      assertThat(messages).anyMatch(m -> m.matches("Verifying \\d+ email addresses\\.\\.\\."));
    }

    @Test
    void failOutcome_showsFailedWithErrorMessage() {
      server.deepCurrent().nextBdJob(Lifecycle.failsAfter(Duration.ofSeconds(10), "Provider quota exhausted"));
      String id = createBdJob("{\"preset\":\"verify_existing_emails\"}");
      advance(10);
      JsonNode job = bdStatus(id);
      assertThat(job.get("status").asText()).isEqualTo("failed");
      assertThat(job.get("error_message").asText()).isEqualTo("Provider quota exhausted");
      assertThat(job.get("completed_at").asText()).isEqualTo("2026-04-08T12:00:10Z");
    }

    @Test
    void cancelOutcome_showsCancelled() {
      server.deepCurrent().nextBdJob(Lifecycle.builder().stage("qualification", Duration.ofSeconds(3)).cancel().build());
      String id = createBdJob("{\"preset\":\"full_pipeline\"}");
      advance(3);
      assertThat(bdStatus(id).get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void expireOutcome_makesTheJob404() {
      server.deepCurrent().defaultBdLifecycle(Lifecycle.builder().stage("x", Duration.ofSeconds(3)).expire().build());
      String id = createBdJob("{\"preset\":\"full_pipeline\"}");
      advance(3);
      Reply reply = http.get("/api/v1/bd/jobs/" + id, "Authorization", PAID);
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.json().get("detail").asText()).isEqualTo("Job not found");
    }

    @Test
    void anotherAccountsJob_is404() {
      String id = server.deepCurrent().createBdJob(MockCredentials.DEEPCURRENT_FREE_KEY, "full_pipeline", null);
      assertThat(http.get("/api/v1/bd/jobs/" + id, "Authorization", PAID).status()).isEqualTo(404);
      assertThat(http.get("/api/v1/bd/jobs/" + id + "/result", "Authorization", PAID).status()).isEqualTo(404);
      assertThat(http.get("/api/v1/bd/jobs/" + id, "Authorization", FREE).status()).isEqualTo(200);
      server.deepCurrent().addAccount("dc_third", true);
      assertThat(http.get("/api/v1/bd/jobs/" + id, "X-API-Key", "dc_third").status()).isEqualTo(404);
    }
  }

  @Nested
  class ResultAndAssets {
    private String id;

    @BeforeEach
    void job() {
      server.deepCurrent().nextBdJob(TWO_STAGES);
      id = createBdJob("{\"preset\":\"full_pipeline\"}");
    }

    @Test
    void result_beforeCompletion_hasNullResultIdAndNoAssets() {
      advance(30);
      Reply reply = http.get("/api/v1/bd/jobs/" + id + "/result", "Authorization", PAID);
      assertThat(reply.status()).isEqualTo(200);
      JsonNode result = reply.json();
      assertThat(result.get("result_id").isNull()).isTrue();
      assertThat(result.get("status").asText()).isEqualTo("running");
      assertThat(result.get("result_assets")).isEmpty();
      assertThat(result.get("summary").isObject()).isTrue();
      assertThat(result.get("completed_at").isNull()).isTrue();
    }

    @Test
    void result_afterCompletion_hasSummaryAndAssetsAndTheSameTimestamps() {
      advance(125);
      JsonNode status = bdStatus(id);
      JsonNode result = http.get("/api/v1/bd/jobs/" + id + "/result", "Authorization", PAID).json();
      assertThat(result.get("result_id").asText()).hasSize(36);
      assertThat(result.get("completed_at").asText()).isEqualTo(status.get("completed_at").asText());
      assertThat(result.get("created_at").asText()).isEqualTo(status.get("completed_at").asText());
      JsonNode summary = result.get("summary");
      assertThat(summary.get("companies_processed").asInt()).isEqualTo(2);
      assertThat(summary.get("delivered_contacts").asInt()).isBetween(12, 24);
      assertThat(summary.get("verified_emails").asInt()).isLessThanOrEqualTo(summary.get("delivered_contacts").asInt());
      JsonNode asset = result.get("result_assets").get(0);
      assertThat(asset.get("asset_id").asText()).isEqualTo("verified_contacts");
      assertThat(asset.get("mime_type").asText()).isEqualTo("application/json");
      assertThat(asset.get("availability").asText()).isEqualTo("inline");
      assertThat(asset.get("download_url").asText()).isEqualTo("/api/v1/bd/jobs/" + id + "/assets/verified_contacts");
    }

    @Test
    void assets_downloadWithTheirMimeTypeAndMatchTheSummary() {
      advance(125);
      JsonNode summary = http.get("/api/v1/bd/jobs/" + id + "/result", "Authorization", PAID).json().get("summary");
      Reply json = http.get("/api/v1/bd/jobs/" + id + "/assets/verified_contacts", "Authorization", PAID);
      assertThat(json.status()).isEqualTo(200);
      assertThat(json.contentType()).isEqualTo("application/json");
      JsonNode contacts = json.json();
      assertThat(contacts).hasSize(summary.get("delivered_contacts").asInt());
      long valid = 0;
      for (JsonNode contact : contacts) {
        assertThat(contact.get("email").asText()).contains("@");
        valid += contact.get("email_status").asText().equals("valid") ? 1 : 0;
      }
      assertThat(valid).isEqualTo(summary.get("verified_emails").asLong());

      Reply csv = http.get("/api/v1/bd/jobs/" + id + "/assets/verified_contacts_csv", "Authorization", PAID);
      assertThat(csv.contentType()).startsWith("text/csv");
      assertThat(csv.body().split("\r\n")).hasSize(contacts.size() + 1);
    }

    @Test
    void assets_beforeCompletionOrUnknown_are404() {
      assertThat(http.get("/api/v1/bd/jobs/" + id + "/assets/verified_contacts", "Authorization", PAID).status())
          .isEqualTo(404);
      advance(125);
      assertThat(http.get("/api/v1/bd/jobs/" + id + "/assets/nope", "Authorization", PAID).status()).isEqualTo(404);
    }
  }

  @Nested
  class Growth {
    private String quote(String auth) {
      Reply resolve = http.post("/api/v1/growth/resolve", "{\"goal_text\":\"Find emails of 100 DeFi founders\","
          + "\"constraints\":{\"niche\":\"DeFi\",\"count\":100}}", "Authorization", auth);
      assertThat(resolve.status()).isEqualTo(200);
      JsonNode plan = resolve.json().get("goal_plan");
      assertThat(plan.get("preset").asText()).isEqualTo("full_pipeline");
      Reply quote = http.post("/api/v1/growth/quote", "{\"goal_plan\":" + plan + "}", "Authorization", auth);
      assertThat(quote.status()).isEqualTo(200);
      assertThat(quote.json().get("quotable").asBoolean()).isTrue();
      assertThat(quote.json().get("credits_total").asInt()).isEqualTo(450);
      return quote.json().toString();
    }

    private Reply run(String quote, String auth) {
      JsonNode q = Http.parse(quote);
      return http.post("/api/v1/growth/run", "{\"quote_token\":\"" + q.get("quote_token").asText()
          + "\",\"goal_plan\":" + q.get("goal_plan") + "}", "Authorization", auth);
    }

    @Test
    void resolveQuoteRunPoll_reachesCompletionWithHandlesFilled() {
      server.deepCurrent().nextGrowthRun(Lifecycle.builder().queued(Duration.ofSeconds(2))
          .stage("email_lookup", Duration.ofSeconds(60), "Discovering email addresses...")
          .stage("email_verify", Duration.ofSeconds(40), "Verifying email addresses...").build());
      Reply run = run(quote(PAID), PAID);
      assertThat(run.status()).isEqualTo(202);
      assertThat(run.json().get("status").asText()).isEqualTo("running");
      assertThat(run.json().at("/preview/message").asText()).isEqualTo("Enrichment has been queued.");
      String runId = run.json().get("run_id").asText();
      assertThat(server.deepCurrent().credits(MockCredentials.DEEPCURRENT_PAID_KEY)).isEqualTo(10_000 - 450);

      advance(32);
      JsonNode running = http.get("/api/v1/growth/runs/" + runId, "Authorization", PAID).json();
      assertThat(running.get("status").asText()).isEqualTo("running");
      assertThat(running.get("stage_status").toString()).isEqualTo("{\"email_lookup\":\"running\"}");
      assertThat(running.at("/progress/percent").asInt()).isEqualTo(30);
      assertThat(running.at("/progress/message").asText()).isEqualTo("Discovering email addresses...");
      assertThat(running.get("artifact_handles")).isEmpty();
      assertThat(running.get("preview").isEmpty()).isTrue();
      assertThat(running.get("gap_report").isEmpty()).isTrue();

      advance(70);
      JsonNode done = http.get("/api/v1/growth/runs/" + runId, "Authorization", PAID).json();
      assertThat(done.get("status").asText()).isEqualTo("completed");
      assertThat(done.get("stage_status").toString())
          .isEqualTo("{\"email_lookup\":\"completed\",\"email_verify\":\"completed\"}");
      assertThat(done.at("/progress/percent").asInt()).isEqualTo(100);
      assertThat(done.at("/progress/message").asText()).isEqualTo("Run complete.");
      assertThat(done.at("/artifact_handles/0/asset_id").asText()).isEqualTo("verified_contacts");
      assertThat(done.at("/preview/delivered_counts/delivered_contacts").asInt()
          + done.at("/gap_report/unresolved").asInt()).isEqualTo(100);
      assertThat(done.at("/data_source_mix/enriched").asInt()).isPositive();

      JsonNode asBdJob = bdStatus(runId);
      assertThat(asBdJob.get("status").asText()).isEqualTo("completed");
      assertThat(asBdJob.get("requested_capabilities").toString()).isEqualTo("[\"email_lookup\",\"email_verify\"]");
      assertThat(http.get("/api/v1/bd/jobs/" + runId + "/assets/verified_contacts", "Authorization", PAID).json())
          .hasSize(done.at("/preview/delivered_counts/delivered_contacts").asInt());
    }

    @Test
    void quoteToken_worksOnce() {
      String quote = quote(PAID);
      assertThat(run(quote, PAID).status()).isEqualTo(202);
      Reply again = run(quote, PAID);
      assertThat(again.status()).isEqualTo(403);
      assertThat(again.json().get("detail").asText()).isEqualTo("Quote token has already been used.");
    }

    @Test
    void expiredQuote_is403() {
      String quote = quote(PAID);
      assertThat(Http.parse(quote).get("expiry").asText()).isEqualTo("2026-04-08T12:30:00Z");
      advance(1800);
      Reply reply = run(quote, PAID);
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.json().get("detail").asText()).isEqualTo("Quote token has expired.");
    }

    @Test
    void anotherAccountsQuote_is403() {
      server.deepCurrent().addAccount("dc_other_paid", true);
      String quote = quote("Bearer dc_other_paid");
      Reply reply = run(quote, PAID);
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.json().get("detail").asText()).contains("does not belong");
      assertThat(run(quote, "Bearer dc_other_paid").status()).isEqualTo(202);
    }

    @Test
    void freeTier_canQuoteButNotRunOrPoll() {
      String quote = quote(FREE);
      assertThat(run(quote, FREE).status()).isEqualTo(403);
      String runId = server.deepCurrent().createGrowthRun(MockCredentials.DEEPCURRENT_FREE_KEY, null);
      assertThat(http.get("/api/v1/growth/runs/" + runId, "Authorization", FREE).status()).isEqualTo(403);
    }

    @Test
    void tooFewCredits_is402AndLeavesTheQuoteUsable() {
      String quote = quote(PAID);
      server.deepCurrent().setCredits(MockCredentials.DEEPCURRENT_PAID_KEY, 449);
      assertThat(run(quote, PAID).status()).isEqualTo(402);
      server.deepCurrent().setCredits(MockCredentials.DEEPCURRENT_PAID_KEY, 450);
      assertThat(run(quote, PAID).status()).isEqualTo(202);
      assertThat(server.deepCurrent().credits(MockCredentials.DEEPCURRENT_PAID_KEY)).isZero();
    }

    @Test
    void quoteOverTheSpendCap_isNotQuotable() {
      Reply reply = http.post("/api/v1/growth/quote",
          "{\"goal_plan\":{\"preset\":\"full_pipeline\"},\"max_external_spend_credits\":100}", "Authorization", PAID);
      assertThat(reply.status()).isEqualTo(200);
      JsonNode quote = reply.json();
      assertThat(quote.get("ok").asBoolean()).isFalse();
      assertThat(quote.get("quotable").asBoolean()).isFalse();
      assertThat(quote.get("quote_token").isNull()).isTrue();
      assertThat(quote.get("error_code").asText()).isEqualTo("max_external_spend_too_low");
    }

    @Test
    void runValidation_is422() {
      Reply reply = http.post("/api/v1/growth/run", "{\"goal_plan\":{}}", "Authorization", PAID);
      assertThat(reply.status()).isEqualTo(422);
      assertThat(reply.json().at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"quote_token\"]");
      assertThat(http.post("/api/v1/growth/run", "{\"goal_plan\":{},\"quote_token\":\"garbage\"}",
          "Authorization", PAID).status()).isEqualTo(403);
      assertThat(http.post("/api/v1/growth/resolve", "{\"goal_text\":\"x\"}", "Authorization", PAID).status())
          .isEqualTo(422);
    }

    @Test
    void growthEndpoint_doesNotServeBdJobsOrOtherAccounts() {
      String bd = server.deepCurrent().createBdJob(MockCredentials.DEEPCURRENT_PAID_KEY, "full_pipeline", null);
      assertThat(http.get("/api/v1/growth/runs/" + bd, "Authorization", PAID).status()).isEqualTo(404);
      server.deepCurrent().addAccount("dc_other_paid", true);
      String other = server.deepCurrent().createGrowthRun("dc_other_paid", null);
      assertThat(http.get("/api/v1/growth/runs/" + other, "Authorization", PAID).json().get("detail").asText())
          .isEqualTo("Run not found");
    }
  }

  @Test
  void unknownRoutesAndMethods_areFastApiStyle() {
    Reply unknown = http.get("/api/v1/nothing-here", "Authorization", PAID);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("detail").asText()).isEqualTo("Not Found");
    assertThat(http.get("/api/v1/bd/jobs", "Authorization", PAID).status()).isEqualTo(405);
  }

  @Test
  void timestamps_areOrderedAndIdenticalAcrossEndpoints() {
    server.deepCurrent().nextBdJob(TWO_STAGES);
    String id = createBdJob("{\"preset\":\"full_pipeline\"}");
    advance(200);
    JsonNode status = bdStatus(id);
    JsonNode result = http.get("/api/v1/bd/jobs/" + id + "/result", "Authorization", PAID).json();
    Instant created = Instant.parse(status.get("created_at").asText());
    Instant started = Instant.parse(status.get("started_at").asText());
    Instant completed = Instant.parse(status.get("completed_at").asText());
    assertThat(created).isBeforeOrEqualTo(started);
    assertThat(started).isBeforeOrEqualTo(completed);
    assertThat(result.get("completed_at").asText()).isEqualTo(status.get("completed_at").asText());
    assertThat(server.jobs().get(id).createdAt()).isEqualTo(created);
  }
}
