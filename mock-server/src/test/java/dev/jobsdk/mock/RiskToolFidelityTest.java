package dev.jobsdk.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.mock.Http.Reply;
import dev.jobsdk.mock.junit.MockJobServerExtension;
import java.time.Duration;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Risk tool's document upload, first-login challenge and throttler, as its public source shows them. */
class RiskToolFidelityTest {

  private static final String ASSESSMENT = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
  private static final String PDF = "{\"fileName\":\"plan.pdf\",\"mimeType\":\"application/pdf\",\"fileSize\":2048}";

  @RegisterExtension
  final MockJobServerExtension mock = MockJobServerExtension.builder().build();

  private Http http() {
    return new Http(mock.server());
  }

  private static String json(String email, String password) {
    return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
  }

  private String user() {
    Reply login = http().post("/api/auth/login", json(MockCredentials.RISK_USER_EMAIL, MockCredentials.RISK_USER_PASSWORD));
    return "Bearer " + login.json().get("accessToken").asText();
  }

  private static void assertError(Reply reply, int status, String messagePart) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().get("statusCode").asInt()).isEqualTo(status);
    assertThat(reply.json().get("message").toString()).contains(messagePart);
  }

  @Test
  void upload_returnsADocumentIdThatParseTakes_andAPresignedUrlTheMockAccepts() {
    String auth = user();
    Reply upload = http().post("/api/assessments/" + ASSESSMENT + "/documents", PDF, "Authorization", auth);
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);
    String documentId = upload.json().get("documentId").asText();
    assertThat(documentId).matches("[0-9a-f-]{36}");
    String url = upload.json().get("presignedUrl").asText();
    assertThat(url).startsWith(mock.server().baseUrl() + "/__mock/uploads/" + documentId + "?").contains("X-Amz-Expires=900");

    Reply put = new Http(url.substring(0, url.indexOf("/__mock"))).send("PUT", url.substring(url.indexOf("/__mock")),
        RequestBody.create(new byte[2048], null));
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.header("ETag")).isNotBlank();

    Reply parse = http().post("/api/assessments/" + ASSESSMENT + "/documents/" + documentId + "/parse", null,
        "Authorization", auth);
    assertThat(parse.status()).isEqualTo(201);
    JsonNode job = http().get("/api/jobs/" + parse.body(), "Authorization", auth).json();
    assertThat(job.at("/input/documentId").asText()).isEqualTo(documentId);
    assertThat(job.at("/input/s3Key").asText()).endsWith("/documents/" + documentId + "/plan.pdf");
  }

  @Test
  void parse_ofADocumentNeverUploaded_is404AndStartsNoJob() {
    Reply parse = http().post("/api/assessments/" + ASSESSMENT + "/documents/doc-1/parse", null, "Authorization", user());
    assertError(parse, 404, "Document not found");
    assertThat(parse.json().get("error").asText()).isEqualTo("NOT_FOUND");
    assertThat(mock.server().jobs().list()).isEmpty();
  }

  @Test
  void parse_ofADocumentAddedThroughTheJavaApi_works() {
    String documentId = mock.server().riskTool().addDocument(MockCredentials.RISK_USER_EMAIL, ASSESSMENT, "plan.pdf");
    Reply parse = http().post("/api/assessments/" + ASSESSMENT + "/documents/" + documentId + "/parse", null,
        "Authorization", user());
    assertThat(parse.status()).isEqualTo(201);
  }

  @Test
  void upload_validatesLikeTheVendorsDto() {
    String auth = user();
    String path = "/api/assessments/" + ASSESSMENT + "/documents";
    assertError(http().post(path, "{\"fileName\":\"a.docx\",\"mimeType\":\"application/msword\",\"fileSize\":10}",
        "Authorization", auth), 400, "Only PDF files are allowed");
    Reply tooBig = http().post(path, "{\"fileName\":\"a.pdf\",\"mimeType\":\"application/pdf\",\"fileSize\":26214401}",
        "Authorization", auth);
    assertError(tooBig, 400, "fileSize must not be greater than 26214400");
    Reply missing = http().post(path, "{\"size\":1}", "Authorization", auth);
    assertError(missing, 400, "property size should not exist");
    assertThat(missing.json().get("message").toString()).contains("fileName must be a string", "fileSize must be an integer number");
    assertError(http().post("/api/assessments/not-a-uuid/documents", PDF, "Authorization", auth), 400,
        "Validation failed (uuid is expected)");
    assertError(http().post(path, PDF), 401, "Missing or invalid authorization header");
  }

  @Test
  void firstLogin_answersTheChallenge_completingItGivesTokens_andTheNewPasswordFromThenOn() {
    Reply first = http().post("/api/auth/login",
        json(MockCredentials.RISK_NEW_USER_EMAIL, MockCredentials.RISK_NEW_USER_PASSWORD));
    assertThat(first.status()).isEqualTo(200);
    JsonNode challenge = first.json();
    assertThat(challenge.get("requiresPasswordChange").asBoolean()).isTrue();
    assertThat(challenge.get("username").asText()).isEqualTo(MockCredentials.RISK_NEW_USER_EMAIL);
    assertThat(challenge.has("accessToken")).isFalse();
    String session = challenge.get("session").asText();

    Reply wrongSession = http().post("/api/auth/complete-password-change", "{\"username\":\""
        + MockCredentials.RISK_NEW_USER_EMAIL + "\",\"session\":\"nope\",\"newPassword\":\"brand-new-pass\"}");
    assertError(wrongSession, 400, "Invalid session");
    Reply shortPassword = http().post("/api/auth/complete-password-change", "{\"username\":\""
        + MockCredentials.RISK_NEW_USER_EMAIL + "\",\"session\":\"" + session + "\",\"newPassword\":\"short\"}");
    assertError(shortPassword, 400, "newPassword must be longer than or equal to 8 characters");

    Reply done = http().post("/api/auth/complete-password-change", "{\"username\":\""
        + MockCredentials.RISK_NEW_USER_EMAIL + "\",\"session\":\"" + session + "\",\"newPassword\":\"brand-new-pass\"}");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().get("requiresPasswordChange").asBoolean()).isFalse();
    String auth = "Bearer " + done.json().get("accessToken").asText();
    String id = mock.server().riskTool().createJob(MockCredentials.RISK_NEW_USER_EMAIL, "RISK_ANALYSIS", null);
    assertThat(http().get("/api/jobs/" + id, "Authorization", auth).status()).isEqualTo(200);

    Reply again = http().post("/api/auth/complete-password-change", "{\"username\":\""
        + MockCredentials.RISK_NEW_USER_EMAIL + "\",\"session\":\"" + session + "\",\"newPassword\":\"another-pass\"}");
    assertError(again, 400, "Invalid session");
    assertError(http().post("/api/auth/login",
        json(MockCredentials.RISK_NEW_USER_EMAIL, MockCredentials.RISK_NEW_USER_PASSWORD)), 401, "Invalid credentials");
    Reply login = http().post("/api/auth/login", json(MockCredentials.RISK_NEW_USER_EMAIL, "brand-new-pass"));
    assertThat(login.json().get("accessToken").asText()).isNotBlank();

    mock.server().reset();
    assertThat(http().post("/api/auth/login", json(MockCredentials.RISK_NEW_USER_EMAIL,
        MockCredentials.RISK_NEW_USER_PASSWORD)).json().get("requiresPasswordChange").asBoolean()).isTrue();
  }

  @Test
  void challengeSession_expiresAfterThreeMinutesOfServerTime() {
    mock.server().riskTool().addUser("late@example.com", "temporary-1", false, true);
    String session = http().post("/api/auth/login", json("late@example.com", "temporary-1")).json().get("session").asText();
    mock.server().clock().advance(Duration.ofMinutes(4));
    assertError(http().post("/api/auth/complete-password-change",
        "{\"username\":\"late@example.com\",\"session\":\"" + session + "\",\"newPassword\":\"brand-new-pass\"}"),
        400, "Invalid session");
  }

  @Test
  void changePassword_needsTheOldOne_andReplacesIt() {
    String auth = user();
    assertError(http().post("/api/auth/change-password",
        "{\"previousPassword\":\"wrong-password\",\"proposedPassword\":\"changed-pass\"}", "Authorization", auth),
        401, "Incorrect username or password.");
    Reply ok = http().post("/api/auth/change-password", "{\"previousPassword\":\"" + MockCredentials.RISK_USER_PASSWORD
        + "\",\"proposedPassword\":\"changed-pass\"}", "Authorization", auth);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("message").asText()).isEqualTo("Password changed successfully.");
    assertThat(http().post("/api/auth/login", json(MockCredentials.RISK_USER_EMAIL, "changed-pass")).status())
        .isEqualTo(200);
  }

  @Test
  void hugeEmail_isRejectedAsInvalidAtOnce() {
    String email = "a".repeat(40_000) + "@" + "b".repeat(40_000);
    Reply reply = http().post("/api/auth/login", json(email, "whatever-password"));
    assertError(reply, 400, "email must be an email");
  }

  @Test
  void rateLimits_offByDefault_onGive429WithRetryAfterOnTheServerClock() {
    String body = json(MockCredentials.RISK_USER_EMAIL, "wrong-password");
    for (int i = 0; i < 8; i++) {
      assertThat(http().post("/api/auth/login", body).status()).isEqualTo(401);
    }
    mock.server().rateLimits(true);
    mock.server().clock().advance(Duration.ofMinutes(1));
    for (int i = 0; i < 5; i++) {
      assertThat(http().post("/api/auth/login", body).status()).isEqualTo(401);
    }
    mock.server().clock().advance(Duration.ofSeconds(20));
    Reply limited = http().post("/api/auth/login", body);
    assertError(limited, 429, "ThrottlerException: Too Many Requests");
    assertThat(limited.json().get("error").asText()).isEqualTo("TOO_MANY_REQUESTS");
    assertThat(limited.header("Retry-After")).isEqualTo("40");
    mock.server().clock().advance(Duration.ofSeconds(40));
    assertThat(http().post("/api/auth/login", body).status()).isEqualTo(401);
  }

  @Test
  void rateLimits_thirtyAMinuteOnTheRest_jobStatusExempt() {
    mock.server().rateLimits(true);
    String auth = user();
    String job = mock.server().riskTool().createJob(MockCredentials.RISK_USER_EMAIL, "RISK_ANALYSIS", null);
    String submit = "/api/assessments/" + ASSESSMENT + "/gap-fields/submit";
    for (int i = 0; i < 30; i++) {
      assertThat(http().post(submit, null, "Authorization", auth).status()).isEqualTo(201);
    }
    assertThat(http().post(submit, null, "Authorization", auth).status()).isEqualTo(429);
    for (int i = 0; i < 50; i++) {
      assertThat(http().get("/api/jobs/" + job, "Authorization", auth).status()).isEqualTo(200);
    }
    mock.server().clock().advance(Duration.ofMinutes(1));
    assertThat(http().post(submit, null, "Authorization", auth).status()).isEqualTo(201);
  }

  @Test
  void upload_overTls_givesAnHttpsPresignedUrl() throws Exception {
    try (MockJobServer tls = MockJobServer.builder().tls(true).start()) {
      okhttp3.OkHttpClient client = new okhttp3.OkHttpClient.Builder()
          .sslSocketFactory(tls.tlsSocketFactory(), tls.tlsTrustManager()).build();
      okhttp3.MediaType json = okhttp3.MediaType.get("application/json");
      String token;
      try (okhttp3.Response login = client.newCall(new okhttp3.Request.Builder().url(tls.baseUrl() + "/api/auth/login")
          .post(RequestBody.create(json(MockCredentials.RISK_USER_EMAIL, MockCredentials.RISK_USER_PASSWORD), json))
          .build()).execute()) {
        token = Http.parse(login.body().string()).get("accessToken").asText();
      }
      try (okhttp3.Response upload = client.newCall(new okhttp3.Request.Builder()
          .url(tls.baseUrl() + "/api/assessments/" + ASSESSMENT + "/documents").header("Authorization", "Bearer " + token)
          .post(RequestBody.create(PDF, json)).build()).execute()) {
        assertThat(upload.code()).isEqualTo(201);
        assertThat(Http.parse(upload.body().string()).get("presignedUrl").asText()).startsWith(tls.baseUrl() + "/__mock/uploads/");
      }
    }
  }
}
