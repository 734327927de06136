package dev.jobsdk.jobs;

import static dev.jobsdk.jobs.internal.TestJobs.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobsdk.core.ApiException;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No Risk-tool credential (token, password, refreshed token) ever follows a redirect away. */
class CrossOriginRedirectTest {
  static final String JOB_ID = "550e8400-e29b-41d4-a716-446655440000";
  static final String TOKEN = "jobs-redirect-canary-token-3317";
  static final String PASSWORD = "jobs-redirect-canary-pw-8812";

  @StartStop final MockWebServer api = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();
  final VirtualScheduler time = VirtualScheduler.create();
  JobsClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  JobsClient withToken() {
    client = JobsClient.builder().baseUrl(api.url("/").toString()).token(TOKEN).scheduler(time).build();
    return client;
  }

  JobsClient withLogin() {
    client =
        JobsClient.builder()
            .baseUrl(api.url("/").toString())
            .login("analyst@example.org", PASSWORD)
            .scheduler(time)
            .build();
    return client;
  }

  static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).addHeader("Location", location).build();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse tokens(String access) {
    return json(
        200,
        "{\"accessToken\": \"" + access + "\", \"idToken\": \"id-" + access
            + "\", \"refreshToken\": \"refresh-" + access
            + "\", \"expiresIn\": 3600, \"requiresPasswordChange\": false}");
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void token_redirectToAnotherServer_isRefused(int code) {
    api.enqueue(redirect(code, elsewhere.url("/api/jobs/" + JOB_ID).toString()));

    ApiException e = catchThrowableOfType(ApiException.class, () -> withToken().jobs().retrieve(JOB_ID));

    assertThat(e.statusCode()).isEqualTo(code);
    assertThat(e.getMessage()).contains("another origin").doesNotContain(TOKEN);
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void login_308ToAnotherServer_neverSendsThePasswordThere() {
    api.enqueue(redirect(308, elsewhere.url("/api/auth/login").toString()));

    Throwable e = catchThrowable(() -> withLogin().jobs().retrieve(JOB_ID));

    assertThat(e).isInstanceOf(ApiException.class).hasMessageNotContaining(PASSWORD);
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void refreshedToken_redirectToAnotherServer_isRefused() throws Exception {
    api.enqueue(tokens("first-access"));
    api.enqueue(json(401, "{\"statusCode\":401,\"message\":\"Unauthorized\"}"));
    api.enqueue(tokens("second-access"));
    api.enqueue(redirect(302, elsewhere.url("/steal").toString()));

    ApiException e = catchThrowableOfType(ApiException.class, () -> withLogin().jobs().retrieve(JOB_ID));

    assertThat(e.statusCode()).isEqualTo(302);
    assertThat(e.getMessage()).doesNotContain("second-access");
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void sameOriginRedirect_isFollowedWithTheToken() throws Exception {
    api.enqueue(redirect(302, "/api/jobs/" + JOB_ID + "?v=2"));
    api.enqueue(json(200, row("AI_PREVIEW", "PROCESSING", 1, null)));

    assertThat(withToken().jobs().retrieve(JOB_ID).id()).isEqualTo(JOB_ID);

    api.takeRequest(1, TimeUnit.SECONDS);
    RecordedRequest followed = api.takeRequest(1, TimeUnit.SECONDS);
    assertThat(followed.getUrl().query()).isEqualTo("v=2");
    assertThat(followed.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }
}
