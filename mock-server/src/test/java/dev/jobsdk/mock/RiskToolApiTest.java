package dev.jobsdk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.mock.Http.Reply;
import dev.jobsdk.mock.junit.MockJobServerExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RiskToolApiTest {

  private static final String ASSESSMENT = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
  private static final String PREVIEW = "{\"systemPrompt\":\"You are an analyst.\","
      + "\"userPromptTemplate\":\"Risks for {{crop}}\",\"variables\":{\"crop\":\"coffee\"}}";

  @RegisterExtension
  static final MockJobServerExtension MOCK = MockJobServerExtension.builder().build();

  private static Http http() {
    return new Http(MOCK.server());
  }

  private static JsonNode login(String email, String password) {
    Reply reply = http().post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static String bearer(String email, String password) {
    return "Bearer " + login(email, password).get("accessToken").asText();
  }

  private static String user() {
    return bearer(MockCredentials.RISK_USER_EMAIL, MockCredentials.RISK_USER_PASSWORD);
  }

  private static String admin() {
    return bearer(MockCredentials.RISK_ADMIN_EMAIL, MockCredentials.RISK_ADMIN_PASSWORD);
  }

  private static JsonNode job(String id, String auth) {
    Reply reply = http().get("/api/jobs/" + id, "Authorization", auth);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static void advance(long millis) {
    MOCK.server().clock().advance(Duration.ofMillis(millis));
  }

  private static void assertEnvelope(Reply reply, int status, String error, String message, String path) {
    assertThat(reply.status()).isEqualTo(status);
    JsonNode body = reply.json();
    assertThat(body.get("statusCode").asInt()).isEqualTo(status);
    assertThat(body.get("error").asText()).isEqualTo(error);
    assertThat(body.get("message").asText()).isEqualTo(message);
    assertThat(body.get("timestamp").asText()).isEqualTo("2026-04-08T12:00:00.000Z");
    assertThat(body.get("path").asText()).isEqualTo(path);
  }

  @Nested
  class Auth {
    @Test
    void login_returnsCognitoStyleTokensThatExpireWithTheServerClock() {
      JsonNode tokens = login(MockCredentials.RISK_USER_EMAIL, MockCredentials.RISK_USER_PASSWORD);
      assertThat(tokens.get("expiresIn").asLong()).isEqualTo(3600);
      assertThat(tokens.get("requiresPasswordChange").asBoolean()).isFalse();
      JsonNode access = Http.jwtPayload(tokens.get("accessToken").asText());
      assertThat(access.get("sub").asText()).isEqualTo(MOCK.server().riskTool().userId(MockCredentials.RISK_USER_EMAIL));
      assertThat(access.get("exp").asLong() - access.get("iat").asLong()).isEqualTo(3600);
      assertThat(Http.jwtPayload(tokens.get("idToken").asText()).get("email").asText())
          .isEqualTo(MockCredentials.RISK_USER_EMAIL);

      String id = MOCK.server().riskTool().createJob(MockCredentials.RISK_USER_EMAIL, "RISK_ANALYSIS", null);
      String auth = "Bearer " + tokens.get("accessToken").asText();
      advance(3_599_000);
      assertThat(http().get("/api/jobs/" + id, "Authorization", auth).status()).isEqualTo(200);
      advance(1_000);
      assertThat(http().get("/api/jobs/" + id, "Authorization", auth).json().get("message").asText())
          .isEqualTo("Invalid or expired token");

      Reply refreshed = http().post("/api/auth/refresh-token",
          "{\"refreshToken\":\"" + tokens.get("refreshToken").asText() + "\"}");
      assertThat(refreshed.status()).isEqualTo(200);
      assertThat(refreshed.json().get("refreshToken").asText()).isEqualTo(tokens.get("refreshToken").asText());
      assertThat(job(id, "Bearer " + refreshed.json().get("accessToken").asText()).get("id").asText()).isEqualTo(id);
    }

    @Test
    void login_badPasswordIs401_badBodyIs400WithMessageList() {
      Reply wrong = http().post("/api/auth/login", "{\"email\":\"user@example.com\",\"password\":\"wrong-password\"}");
      assertEnvelope(wrong, 401, "UNAUTHORIZED", "Invalid credentials", "/api/auth/login");
      assertThat(wrong.json().get("code").asText()).isEqualTo("NotAuthorizedException");

      Reply invalid = http().post("/api/auth/login", "{\"email\":\"nope\",\"password\":\"short\",\"extra\":1}");
      assertThat(invalid.status()).isEqualTo(400);
      assertThat(invalid.json().get("error").asText()).isEqualTo("BAD_REQUEST");
      assertThat(invalid.json().get("message").isArray()).isTrue();
      assertThat(invalid.json().get("message").toString()).contains("property extra should not exist",
          "email must be an email", "password must be longer than or equal to 8 characters");
    }

    @Test
    void refresh_withAnAccessTokenOrGarbage_is401() {
      JsonNode tokens = login(MockCredentials.RISK_USER_EMAIL, MockCredentials.RISK_USER_PASSWORD);
      assertThat(http().post("/api/auth/refresh-token",
          "{\"refreshToken\":\"" + tokens.get("accessToken").asText() + "\"}").status()).isEqualTo(401);
      assertThat(http().post("/api/auth/refresh-token", "{\"refreshToken\":\"x\"}").status()).isEqualTo(401);
      assertThat(http().post("/api/auth/refresh-token", "{}").status()).isEqualTo(400);
    }

    @Test
    void jobs_withoutOrWithBadBearer_are401WithTheGuardsMessages() {
      String path = "/api/jobs/" + ASSESSMENT;
      assertEnvelope(http().get(path), 401, "UNAUTHORIZED", "Missing or invalid authorization header", path);
      assertEnvelope(http().get(path, "Authorization", "Basic abc"), 401, "UNAUTHORIZED",
          "Missing or invalid authorization header", path);
      assertEnvelope(http().get(path, "Authorization", "Bearer abc.def.ghi"), 401, "UNAUTHORIZED",
          "Invalid or expired token", path);
      assertEnvelope(http().get("/api/jobs/not-a-uuid"), 401, "UNAUTHORIZED",
          "Missing or invalid authorization header", "/api/jobs/not-a-uuid");
    }
  }

  @Nested
  class Jobs {
    @Test
    void preview_adminOnly_202WithDataEnvelope_thenCompletesWithOutput() {
      Reply forbidden = http().post("/api/admin/prompts/preview", PREVIEW, "Authorization", user());
      assertEnvelope(forbidden, 403, "FORBIDDEN", "Admin access required", "/api/admin/prompts/preview");

      String admin = admin();
      MOCK.server().riskTool().nextJob(Lifecycle.builder().queued(Duration.ofSeconds(1))
          .stage("invoking_model", Duration.ofSeconds(4), "Invoking...").build());
      Reply accepted = http().post("/api/admin/prompts/preview", PREVIEW, "Authorization", admin);
      assertThat(accepted.status()).isEqualTo(202);
      assertThat(accepted.json().at("/data/status").asText()).isEqualTo("PROCESSING");
      String id = accepted.json().at("/data/jobId").asText();

      JsonNode pending = job(id, admin);
      assertThat(pending.get("status").asText()).isEqualTo("PENDING");
      assertThat(pending.get("type").asText()).isEqualTo("AI_PREVIEW");
      assertThat(pending.get("attempts").asInt()).isZero();
      assertThat(pending.get("maxAttempts").asInt()).isEqualTo(3);
      assertThat(pending.get("input").get("userPromptTemplate").asText()).isEqualTo("Risks for {{crop}}");
      assertThat(pending.get("result").isNull()).isTrue();
      assertThat(pending.get("startedAt").isNull()).isTrue();
      assertThat(pending.get("createdById").asText())
          .isEqualTo(MOCK.server().riskTool().userId(MockCredentials.RISK_ADMIN_EMAIL));

      advance(2_000);
      JsonNode processing = job(id, admin);
      assertThat(processing.get("status").asText()).isEqualTo("PROCESSING");
      assertThat(processing.get("attempts").asInt()).isEqualTo(1);
      assertThat(processing.get("startedAt").asText()).isEqualTo("2026-04-08T12:00:01.000Z");

      advance(3_000);
      JsonNode done = job(id, admin);
      assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
      assertThat(done.at("/result/output").asText()).contains("coffee");
      assertThat(done.at("/result/tokensUsed").isNumber()).isTrue();
      assertThat(done.at("/result/processingTime").asLong()).isEqualTo(4_000);
      assertThat(done.get("completedAt").asText()).isEqualTo("2026-04-08T12:00:05.000Z");
      assertThat(done.get("error").isNull()).isTrue();
    }

    @Test
    void preview_validation_rejectsUnknownPropertiesLikeTheDocsUserPrompt() {
      Reply reply = http().post("/api/admin/prompts/preview",
          "{\"systemPrompt\":\"s\",\"userPrompt\":\"u\"}", "Authorization", admin());
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().get("message").toString())
          .contains("property userPrompt should not exist", "userPromptTemplate must be a string");
    }

    @Test
    void parse_201BareIdAsNestSendsAString_andChainsGapDetectionOnSuccess() {
      String auth = user();
      Reply upload = http().post("/api/assessments/" + ASSESSMENT + "/documents",
          "{\"fileName\":\"plan.pdf\",\"mimeType\":\"application/pdf\",\"fileSize\":2048}", "Authorization", auth);
      assertThat(upload.status()).as(upload.body()).isEqualTo(201);
      String documentId = upload.json().get("documentId").asText();
      Reply parse = http().post("/api/assessments/" + ASSESSMENT + "/documents/" + documentId + "/parse", null,
          "Authorization", auth);
      assertThat(parse.status()).isEqualTo(201);
      assertThat(parse.contentType()).isEqualTo("text/html; charset=utf-8");
      String id = parse.body();
      assertThat(id).hasSize(36);
      JsonNode job = job(id, auth);
      assertThat(job.get("type").asText()).isEqualTo("PARSE_DOCUMENT");
      assertThat(job.get("input").toString()).isEqualTo("{\"assessmentId\":\"" + ASSESSMENT
          + "\",\"documentId\":\"" + documentId + "\",\"s3Key\":\"assessments/" + ASSESSMENT + "/documents/"
          + documentId + "/plan.pdf\"}");
      assertThat(MOCK.server().jobs().list()).extracting(MockJob::kind).containsExactly("PARSE_DOCUMENT");

      advance(60_000);
      JsonNode parsed = job(id, auth);
      assertThat(parsed.get("status").asText()).isEqualTo("COMPLETED");
      JsonNode result = parsed.get("result");
      assertThat(result.get("pages").asInt()).isPositive();
      assertThat(result.at("/tables/0/headers").isArray()).isTrue();
      assertThat(result.at("/metadata/processedAt").asText()).isEqualTo(parsed.get("completedAt").asText());

      List<MockJob> jobs = MOCK.server().jobs().list();
      assertThat(jobs).extracting(MockJob::kind).containsExactly("PARSE_DOCUMENT", "GAP_DETECTION");
      MockJob gap = jobs.get(1);
      assertThat(gap.owner()).isEqualTo(MockCredentials.RISK_USER_EMAIL);
      JsonNode gapJob = job(gap.id(), auth);
      assertThat(gapJob.get("createdAt").asText()).isEqualTo(parsed.get("completedAt").asText());
      assertThat(gapJob.get("input").toString()).isEqualTo("{\"assessmentId\":\"" + ASSESSMENT + "\"}");
      advance(60_000);
      JsonNode gapDone = job(gap.id(), auth);
      assertThat(gapDone.get("status").asText()).isEqualTo("COMPLETED");
      assertThat(gapDone.at("/result/gapFieldsCreated").asInt()).isPositive();
    }

    @Test
    void failedParse_chainsNothing() {
      MOCK.server().riskTool().nextJob("PARSE_DOCUMENT", Lifecycle.failsAfter(Duration.ofSeconds(1), "Textract failed"));
      String id = MOCK.server().riskTool().createJob(MockCredentials.RISK_USER_EMAIL, "PARSE_DOCUMENT", null);
      advance(60_000);
      assertThat(job(id, user()).get("status").asText()).isEqualTo("FAILED");
      assertThat(MOCK.server().jobs().list()).hasSize(1);
    }

    @Test
    void gapFieldsSubmit_201BareString_reportPdf_201JobIdObject() {
      String auth = user();
      Reply risk = http().post("/api/assessments/" + ASSESSMENT + "/gap-fields/submit", null, "Authorization", auth);
      assertThat(risk.status()).isEqualTo(201);
      assertThat(job(risk.body(), auth).get("type").asText()).isEqualTo("RISK_ANALYSIS");

      Reply report = http().post("/api/assessments/" + ASSESSMENT + "/report/pdf", null, "Authorization", auth);
      assertThat(report.status()).isEqualTo(201);
      assertThat(report.contentType()).startsWith("application/json");
      String reportId = report.json().get("jobId").asText();
      advance(60_000);
      JsonNode done = job(reportId, auth);
      assertThat(done.get("type").asText()).isEqualTo("REPORT_GENERATION");
      assertThat(done.at("/result/assessmentId").asText()).isEqualTo(ASSESSMENT);
      assertThat(done.at("/result/pdfKey").asText()).endsWith(".pdf");
      assertThat(done.at("/result/downloadUrl").asText()).startsWith("https://");
      JsonNode scored = job(risk.body(), auth).get("result");
      assertThat(scored.get("categoriesScored").asInt()).isPositive();
      assertThat(scored.get("overallScore").asInt()).isBetween(0, 100);
    }

    @Test
    void assessmentIdMustBeAUuid() {
      Reply reply = http().post("/api/assessments/abc/report/pdf", null, "Authorization", user());
      assertEnvelope(reply, 400, "BAD_REQUEST", "Validation failed (uuid is expected)", "/api/assessments/abc/report/pdf");
    }

    @Test
    void getJob_nonUuid400_unknown404_otherUser403() {
      String auth = user();
      assertEnvelope(http().get("/api/jobs/123", "Authorization", auth), 400, "BAD_REQUEST",
          "Validation failed (uuid is expected)", "/api/jobs/123");
      assertEnvelope(http().get("/api/jobs/" + ASSESSMENT, "Authorization", auth), 404, "NOT_FOUND",
          "Job " + ASSESSMENT + " not found", "/api/jobs/" + ASSESSMENT);
      String adminsJob = MOCK.server().riskTool().createJob(MockCredentials.RISK_ADMIN_EMAIL, "AI_PREVIEW", null);
      assertEnvelope(http().get("/api/jobs/" + adminsJob, "Authorization", auth), 403, "FORBIDDEN",
          "You do not own this job", "/api/jobs/" + adminsJob);
      MOCK.server().riskTool().addUser("third@example.com", "third-password", false);
      assertThat(http().get("/api/jobs/" + adminsJob, "Authorization", bearer("third@example.com", "third-password"))
          .status()).isEqualTo(403);
    }

    @Test
    void failingAttempts_returnToPendingUntilTheThirdAttemptSucceeds() {
      Lifecycle twoFailures = Lifecycle.builder().queued(Duration.ofSeconds(1))
          .stage("scoring", Duration.ofSeconds(4)).failAttempts(2, "Bedrock throttled").build();
      String id = MOCK.server().riskTool().createJob(MockCredentials.RISK_USER_EMAIL, "RISK_ANALYSIS", twoFailures);
      String auth = user();
      long[] at = {0, 3_000, 5_500, 8_000, 10_500, 13_000};
      String[] statuses = new String[at.length];
      int[] attempts = new int[at.length];
      long now = 0;
      for (int i = 0; i < at.length; i++) {
        advance(at[i] - now);
        now = at[i];
        JsonNode job = job(id, auth);
        statuses[i] = job.get("status").asText();
        attempts[i] = job.get("attempts").asInt();
        assertThat(job.get("error").isNull()).isTrue();
      }
      assertThat(statuses).containsExactly("PENDING", "PROCESSING", "PENDING", "PROCESSING", "PENDING", "PROCESSING");
      assertThat(attempts).containsExactly(0, 1, 1, 2, 2, 3);
      advance(15_000 - now);
      JsonNode done = job(id, auth);
      assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
      assertThat(done.get("attempts").asInt()).isEqualTo(3);
      assertThat(done.get("startedAt").asText()).isEqualTo("2026-04-08T12:00:01.000Z");
      assertThat(done.get("completedAt").asText()).isEqualTo("2026-04-08T12:00:15.000Z");
    }

    @Test
    void failOutcome_exhaustsMaxAttemptsThenFails() {
      String id = MOCK.server().riskTool().createJob(MockCredentials.RISK_USER_EMAIL, "AI_PREVIEW",
          Lifecycle.builder().queued(Duration.ofSeconds(1)).stage("x", Duration.ofSeconds(4))
              .fail("Bedrock API error: ThrottlingException - Rate exceeded").build());
      advance(14_999);
      assertThat(job(id, user()).get("attempts").asInt()).isEqualTo(3);
      advance(1);
      JsonNode failed = job(id, user());
      assertThat(failed.get("status").asText()).isEqualTo("FAILED");
      assertThat(failed.get("error").asText()).isEqualTo("Bedrock API error: ThrottlingException - Rate exceeded");
      assertThat(failed.get("attempts").asInt()).isEqualTo(3);
      assertThat(failed.get("result").isNull()).isTrue();
    }

    @Test
    void unknownRoute_isNestStyle404() {
      Reply reply = http().get("/api/nothing");
      assertEnvelope(reply, 404, "NOT_FOUND", "Cannot GET /api/nothing", "/api/nothing");
    }
  }
}
