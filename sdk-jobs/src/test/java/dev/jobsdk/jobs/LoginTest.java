package dev.jobsdk.jobs;

import static dev.jobsdk.jobs.internal.TestJobs.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.core.AuthenticationException;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Email-and-password credentials: login, refresh before expiry and after a 401, re-login. */
class LoginTest {
  static final String JOB_ID = "550e8400-e29b-41d4-a716-446655440000";
  static final String PASSWORD = "s3cret-Passw0rd!";

  @StartStop final MockWebServer server = new MockWebServer();
  final VirtualScheduler time = VirtualScheduler.create();
  JobsClient client;

  JobsClient client() {
    if (client == null) {
      client =
          JobsClient.builder()
              .baseUrl(server.url("/").toString())
              .login("analyst@example.org", PASSWORD)
              .scheduler(time)
              .build();
    }
    return client;
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse tokens(String access, String refresh, long expiresIn) {
    return json(
        200,
        "{\"accessToken\": \"" + access + "\", \"idToken\": \"id-" + access + "\""
            + (refresh == null ? "" : ", \"refreshToken\": \"" + refresh + "\"")
            + ", \"expiresIn\": " + expiresIn + ", \"requiresPasswordChange\": false}");
  }

  static MockResponse job() {
    return json(200, row("AI_PREVIEW", "PROCESSING", 1, null));
  }

  RecordedRequest next() throws InterruptedException {
    return server.takeRequest(1, TimeUnit.SECONDS);
  }

  static String describe(RecordedRequest r) {
    String auth = r.getHeaders().get("Authorization");
    return r.getMethod() + " " + r.getUrl().encodedPath() + (auth == null ? "" : " " + auth);
  }

  @Test
  void firstRequest_logsInWithoutCredentialHeader_thenSendsTheAccessToken() throws Exception {
    server.enqueue(tokens("access-1", "refresh-1", 3600));
    server.enqueue(job());

    client().jobs().retrieve(JOB_ID);

    RecordedRequest login = next();
    assertThat(describe(login)).isEqualTo("POST /api/auth/login");
    assertThat(Json.MAPPER.readTree(login.getBody().utf8()))
        .isEqualTo(
            Json.MAPPER.readTree(
                "{\"email\": \"analyst@example.org\", \"password\": \"" + PASSWORD + "\"}"));
    assertThat(describe(next())).isEqualTo("GET /api/jobs/" + JOB_ID + " Bearer access-1");
  }

  @Test
  void tokenNearExpiry_isRefreshedBeforeTheRequest_keepingTheLoginsRefreshToken()
      throws Exception {
    server.enqueue(tokens("access-1", "refresh-1", 3600));
    server.enqueue(job());
    // Cognito's refresh answer carries no new refresh token.
    server.enqueue(tokens("access-2", null, 3600));
    server.enqueue(job());
    server.enqueue(tokens("access-3", null, 3600));
    server.enqueue(job());

    client().jobs().retrieve(JOB_ID);
    time.advance(Duration.ofMinutes(59));
    client().jobs().retrieve(JOB_ID);
    time.advance(Duration.ofMinutes(59));
    client().jobs().retrieve(JOB_ID);

    next();
    next();
    RecordedRequest refresh = next();
    assertThat(describe(refresh)).isEqualTo("POST /api/auth/refresh-token");
    assertThat(refresh.getBody().utf8()).isEqualTo("{\"refreshToken\":\"refresh-1\"}");
    assertThat(describe(next())).endsWith("Bearer access-2");
    assertThat(next().getBody().utf8()).isEqualTo("{\"refreshToken\":\"refresh-1\"}");
    assertThat(describe(next())).endsWith("Bearer access-3");
  }

  @Test
  void tokenStillValid_isReused() throws Exception {
    server.enqueue(tokens("access-1", "refresh-1", 3600));
    server.enqueue(job());
    server.enqueue(job());

    client().jobs().retrieve(JOB_ID);
    time.advance(Duration.ofMinutes(58));
    client().jobs().retrieve(JOB_ID);

    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void jwtExpiringBeforeExpiresIn_decidesWhenToRefresh() throws Exception {
    Instant exp = time.now().plus(Duration.ofMinutes(10));
    String jwt = jwt(exp);
    server.enqueue(tokens(jwt, "refresh-1", 3600));
    server.enqueue(job());
    server.enqueue(tokens("access-2", null, 3600));
    server.enqueue(job());

    client().jobs().retrieve(JOB_ID);
    time.advance(Duration.ofMinutes(9));
    client().jobs().retrieve(JOB_ID);

    next();
    next();
    assertThat(describe(next())).isEqualTo("POST /api/auth/refresh-token");
  }

  @Test
  void shortLivedToken_isNotRenewedOnEveryRequest() throws Exception {
    server.enqueue(tokens("access-1", "refresh-1", 30));
    server.enqueue(job());
    server.enqueue(job());
    server.enqueue(tokens("access-2", null, 30));
    server.enqueue(job());

    client().jobs().retrieve(JOB_ID);
    time.advance(Duration.ofSeconds(10));
    client().jobs().retrieve(JOB_ID);
    time.advance(Duration.ofSeconds(6));
    client().jobs().retrieve(JOB_ID);

    next();
    assertThat(describe(next())).endsWith("access-1");
    assertThat(describe(next())).endsWith("access-1");
    assertThat(describe(next())).isEqualTo("POST /api/auth/refresh-token");
  }

  @Test
  void rejectedToken_isRefreshedOnce_andTheRequestSentAgain() throws Exception {
    server.enqueue(tokens("access-1", "refresh-1", 3600));
    server.enqueue(
        json(401, "{\"statusCode\": 401, \"error\": \"UNAUTHORIZED\", \"message\": \"Invalid or expired token\"}"));
    server.enqueue(tokens("access-2", null, 3600));
    server.enqueue(job());

    Job job = client().jobs().retrieve(JOB_ID);

    assertThat(job.id()).isEqualTo(JOB_ID);
    next();
    assertThat(describe(next())).endsWith("Bearer access-1");
    assertThat(describe(next())).isEqualTo("POST /api/auth/refresh-token");
    assertThat(describe(next())).endsWith("Bearer access-2");
  }

  @Test
  void rejectedRefreshToken_fallsBackToAFreshLogin() throws Exception {
    server.enqueue(tokens("access-1", "refresh-1", 3600));
    server.enqueue(job());
    server.enqueue(
        json(401, "{\"statusCode\": 401, \"error\": \"UNAUTHORIZED\", \"message\": \"Refresh Token has expired\"}"));
    server.enqueue(tokens("access-2", "refresh-2", 3600));
    server.enqueue(job());

    client().jobs().retrieve(JOB_ID);
    time.advance(Duration.ofMinutes(59));
    client().jobs().retrieve(JOB_ID);

    next();
    next();
    assertThat(describe(next())).isEqualTo("POST /api/auth/refresh-token");
    assertThat(describe(next())).isEqualTo("POST /api/auth/login");
    assertThat(describe(next())).endsWith("Bearer access-2");
  }

  @Test
  void firstLoginChallenge_throwsPasswordChangeRequired() {
    server.enqueue(
        json(
            200,
            "{\"requiresPasswordChange\": true, \"session\": \"AYABeC-session-secret\","
                + " \"username\": \"analyst@example.org\"}"));

    assertThatThrownBy(() -> client().jobs().retrieve(JOB_ID))
        .isInstanceOfSatisfying(
            PasswordChangeRequiredException.class,
            e -> {
              assertThat(e.username()).contains("analyst@example.org");
              assertThat(e.getMessage())
                  .contains("requires a new password")
                  .doesNotContain("session-secret")
                  .doesNotContain(PASSWORD);
            });
    assertThat(server.getRequestCount()).as("no job request without a token").isEqualTo(1);
  }

  @Test
  void wrongPassword_throwsAuthenticationException_withoutThePassword() {
    server.enqueue(
        json(401, "{\"statusCode\": 401, \"error\": \"UNAUTHORIZED\", \"message\": \"Incorrect username or password.\"}"));

    assertThatThrownBy(() -> client().jobs().retrieve(JOB_ID))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("POST /api/auth/login")
        .hasMessageContaining("Incorrect username or password.")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
  }

  @Test
  void loginClient_toStringHidesEmailAndPassword() {
    assertThat(client().toString()).doesNotContain(PASSWORD).doesNotContain("analyst@");
    assertThat(JobsClient.builder().login("analyst@example.org", PASSWORD).toString())
        .doesNotContain(PASSWORD)
        .doesNotContain("analyst@");
  }

  static String jwt(Instant exp) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        b64.encodeToString(
            ("{\"sub\":\"u\",\"exp\":" + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".sig";
  }
}
