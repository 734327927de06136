package dev.jobsdk.deepcurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jobsdk.core.ApiException;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No DeepCurrent credential (API key, password, login token) ever follows a redirect away. */
class CrossOriginRedirectTest {
  private static final String KEY = "dc_redirect_canary_5521";
  private static final String PASSWORD = "pw-redirect-canary-9043";
  private static final String JOB_ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";

  @StartStop final MockWebServer api = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();
  final VirtualScheduler time = VirtualScheduler.create();
  DeepCurrentClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  DeepCurrentClient withKey() {
    client =
        DeepCurrentClient.builder().apiKey(KEY).baseUrl(api.url("/").toString()).scheduler(time).build();
    return client;
  }

  DeepCurrentClient withLogin() {
    client =
        DeepCurrentClient.builder()
            .login("ops@acme.com", PASSWORD)
            .baseUrl(api.url("/").toString())
            .scheduler(time)
            .build();
    return client;
  }

  static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).addHeader("Location", location).build();
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
  }

  static String seed(String name) throws IOException {
    try (InputStream in = CrossOriginRedirectTest.class.getResourceAsStream("/seeds/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  String token() {
    String claims = "{\"exp\":" + time.now().plusSeconds(3600).getEpochSecond() + "}";
    return "eyJhbGciOiJIUzI1NiJ9."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".sig";
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void apiKey_redirectToAnotherServer_isRefused(int code) {
    api.enqueue(redirect(code, elsewhere.url("/api/v1/bd/jobs/" + JOB_ID).toString()));

    ApiException e = catchThrowableOfType(ApiException.class, () -> withKey().bdJobs().retrieve(JOB_ID));

    assertThat(e.statusCode()).isEqualTo(code);
    assertThat(e.getMessage()).contains("another origin").doesNotContain(KEY);
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void login_307ToAnotherServer_neverSendsThePasswordThere() {
    api.enqueue(redirect(307, elsewhere.url("/api/v1/login/access-token").toString()));

    Throwable e = catchThrowableOfType(ApiException.class, () -> withLogin().bdJobs().retrieve(JOB_ID));

    assertThat(e).hasMessageNotContaining(PASSWORD);
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void loginToken_redirectToAnotherServer_isRefused() throws Exception {
    String token = token();
    api.enqueue(json("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\"}"));
    api.enqueue(redirect(302, elsewhere.url("/steal").toString()));

    ApiException e = catchThrowableOfType(ApiException.class, () -> withLogin().bdJobs().retrieve(JOB_ID));

    assertThat(e.statusCode()).isEqualTo(302);
    assertThat(e.getMessage()).doesNotContain(token);
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void sameOriginRedirect_isFollowedWithTheKey() throws Exception {
    api.enqueue(redirect(308, "/api/v1/bd/jobs/" + JOB_ID + "/"));
    api.enqueue(json(seed("bd-job-running.json")));

    withKey().bdJobs().retrieve(JOB_ID);

    api.takeRequest(1, TimeUnit.SECONDS);
    RecordedRequest followed = api.takeRequest(1, TimeUnit.SECONDS);
    assertThat(followed.getUrl().encodedPath()).endsWith("/");
    assertThat(followed.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }
}
