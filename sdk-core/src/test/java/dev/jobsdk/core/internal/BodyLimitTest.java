package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
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
    return new Transport(server.url("/"), http, Auth.none(), time, dev.jobsdk.core.RetryPolicy.defaults(), () -> 0.5)
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

  @Test
  void answersAndDecodedBodies_keepTheLimitToo_chunkedOrDeclared() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .chunkedBody(new Buffer().writeUtf8(jsonOf(LIMIT + 1)), 64)
            .build());
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(jsonOf(LIMIT + 1)).build());
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "application/json")
            .chunkedBody(new Buffer().writeUtf8(jsonOf(LIMIT)), 7)
            .build());

    assertThat(catchThrowableOfType(ResponseTooLargeException.class, () -> transport().answer(ApiRequest.get("/a"))))
        .hasMessageContaining("more bytes than the client's limit");
    assertThat(
            catchThrowableOfType(
                ResponseTooLargeException.class,
                () -> transport().decode(ApiRequest.get("/b"), (status, body, charset) -> body.length)))
        .hasMessageContaining("1001 bytes");
    int read = transport().decode(ApiRequest.get("/c"), (status, body, charset) -> body.length);
    assertThat(read).isEqualTo(LIMIT);
  }

  @Test
  void decode_getsTheExactBytesStatusAndDeclaredCharset() {
    byte[] latin1 = "{\"name\":\"Jos\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    server.enqueue(
        new MockResponse.Builder()
            .code(202)
            .addHeader("Content-Type", "application/json; charset=ISO-8859-1")
            .body(new Buffer().write(latin1))
            .build());
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body("{}").build());

    Object[] seen =
        transport().decode(ApiRequest.get("/a"), (status, body, charset) -> new Object[] {status, body, charset});
    java.nio.charset.Charset fallback =
        transport().decode(ApiRequest.get("/b"), (status, body, charset) -> charset);

    assertThat(seen[0]).isEqualTo(202);
    assertThat((byte[]) seen[1]).isEqualTo(latin1);
    assertThat(seen[2]).isEqualTo(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(fallback).isEqualTo(java.nio.charset.StandardCharsets.UTF_8);
  }
}
