package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ResponseTooLargeException;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A success body over the client's limit ends in a typed error, never in memory exhaustion. */
class BodyLimitTest {
  static final int LIMIT = 1_000;

  @StartStop final MockWebServer server = new MockWebServer();
  final VirtualScheduler time = VirtualScheduler.create();
  final OkHttpClient http =
      new OkHttpClient.Builder().callTimeout(5, TimeUnit.SECONDS).retryOnConnectionFailure(false).build();

  @AfterEach
  void release() {
    http.connectionPool().evictAll();
  }

  Transport transport() {
    return new Transport(server.url("/"), http, Auth.none(), time, 2, PollingPolicy.builder().build(), () -> 0.5)
        .limitResponseBodies(LIMIT);
  }

  static String jsonOf(int bytes) {
    String head = "{\"pad\":\"";
    return head + "x".repeat(bytes - head.length() - 2) + "\"}";
  }

  @Test
  void declaredLengthOverTheLimit_failsAtOnce_withoutRetries() {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(jsonOf(LIMIT + 1)).build());

    ResponseTooLargeException e =
        catchThrowableOfType(
            ResponseTooLargeException.class, () -> transport().json(ApiRequest.get("/api/jobs/1"), JsonNode.class));

    assertThat(e.getMessage()).contains("GET /api/jobs/1", "1001 bytes", "limit of 1000 bytes", "maxResponseBytes");
    assertThat(e.limit()).isEqualTo(LIMIT);
    assertThat(e.isRetryable()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void chunkedBodyOverTheLimit_failsOnceItPassesIt_forTreesToo() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .chunkedBody(new Buffer().writeUtf8(jsonOf(50 * LIMIT)), 64)
            .build());

    ResponseTooLargeException e =
        catchThrowableOfType(ResponseTooLargeException.class, () -> transport().tree(ApiRequest.get("/api/jobs")));

    assertThat(e.getMessage()).contains("GET /api/jobs", "more bytes than the client's limit");
  }

  @Test
  void bodyOfExactlyTheLimit_isRead() {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(jsonOf(LIMIT)).build());
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .chunkedBody(new Buffer().writeUtf8(jsonOf(LIMIT)), 7)
            .build());

    assertThat(transport().json(ApiRequest.get("/a"), JsonNode.class).get("pad").asText()).hasSize(LIMIT - 10);
    assertThat(transport().tree(ApiRequest.get("/b")).get("pad").asText()).hasSize(LIMIT - 10);
  }
}
