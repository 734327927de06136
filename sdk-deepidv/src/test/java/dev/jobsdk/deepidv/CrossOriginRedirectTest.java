package dev.jobsdk.deepidv;

import static org.assertj.core.api.Assertions.assertThat;
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

/** The x-api-key never leaves the configured origin, whatever a redirect says. */
class CrossOriginRedirectTest {
  private static final String KEY = "sk_test_redirect_canary_7731";
  private static final String JOB = "0b5e3f9a-6a59-4d0e-9d1c-2f4f0c6f1e11";

  @StartStop final MockWebServer api = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();
  final VirtualScheduler time = VirtualScheduler.create();
  DeepIdvClient client;

  DeepIdvClient client() {
    if (client == null) {
      client =
          DeepIdvClient.builder()
              .apiKey(KEY)
              .baseUrl(api.url("/").toString())
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

  static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).addHeader("Location", location).build();
  }

  static MockResponse job() {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body("{\"jobId\":\"" + JOB + "\",\"status\":\"processing\",\"createdAt\":1716897600,\"updatedAt\":\"2026-06-05T12:00:00.000Z\"}")
        .build();
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void retrieve_redirectToAnotherServer_isRefused_andTheKeyNeverArrivesThere(int code) {
    api.enqueue(redirect(code, elsewhere.url("/v1/async-jobs/" + JOB).toString()));

    ApiException e =
        catchThrowableOfType(ApiException.class, () -> client().asyncJobs().retrieve(JOB));

    assertThat(e.statusCode()).isEqualTo(code);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage())
        .contains("another origin", "http://" + elsewhere.getHostName() + ":" + elsewhere.getPort())
        .doesNotContain(KEY);
    assertThat(elsewhere.getRequestCount()).isZero();
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void create_307ToAnotherServer_sendsNeitherKeyNorBodyThere() {
    api.enqueue(redirect(307, elsewhere.url("/v1/screening/adverse-media").toString()));

    ApiException e =
        catchThrowableOfType(
            ApiException.class, () -> client().screening().adverseMedia(Fixtures.request()));

    assertThat(e.statusCode()).isEqualTo(307);
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void sameHostOnAnotherPort_orAnotherNameForTheHost_isAnotherOrigin() {
    String otherName = "127.0.0.1".equals(api.getHostName()) ? "localhost" : "127.0.0.1";
    api.enqueue(redirect(302, "http://" + otherName + ":" + api.getPort() + "/v1/async-jobs/" + JOB));

    ApiException e =
        catchThrowableOfType(ApiException.class, () -> client().asyncJobs().retrieve(JOB));

    assertThat(e.statusCode()).isEqualTo(302);
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void redirectOnTheSameOrigin_isFollowed_withTheKey() throws Exception {
    api.enqueue(redirect(301, "/v1/async-jobs/" + JOB + "?moved=1"));
    api.enqueue(job());

    assertThat(client().asyncJobs().retrieve(JOB).jobId()).isEqualTo(JOB);

    api.takeRequest(1, TimeUnit.SECONDS);
    RecordedRequest followed = api.takeRequest(1, TimeUnit.SECONDS);
    assertThat(followed.getUrl().query()).isEqualTo("moved=1");
    assertThat(followed.getHeaders().get("x-api-key")).isEqualTo(KEY);
  }
}
