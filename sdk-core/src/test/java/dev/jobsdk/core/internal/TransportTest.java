package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.ApiConnectionException;
import dev.jobsdk.core.ApiException;
import dev.jobsdk.core.AuthenticationException;
import dev.jobsdk.core.BadRequestException;
import dev.jobsdk.core.ConflictException;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.NotFoundException;
import dev.jobsdk.core.PaymentRequiredException;
import dev.jobsdk.core.PermissionDeniedException;
import dev.jobsdk.core.Backoff;
import dev.jobsdk.core.RetryPolicy;
import dev.jobsdk.core.RateLimitException;
import dev.jobsdk.core.ServerException;
import dev.jobsdk.core.TokenProvider;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class TransportTest {
  @StartStop final MockWebServer server = new MockWebServer();

  final VirtualScheduler time = VirtualScheduler.create();
  final OkHttpClient http =
      new OkHttpClient.Builder().callTimeout(5, TimeUnit.SECONDS).retryOnConnectionFailure(false).build();
  final RetryPolicy retries = RetryPolicy.builder().deadline(Duration.ofSeconds(60)).build();

  record Thing(String id, int n) {}

  Transport transport(Auth auth, int maxRetries) {
    return transport(auth, retries.toBuilder().maxRetries(maxRetries).build());
  }

  Transport transport(Auth auth, RetryPolicy policy) {
    return new Transport(server.url("/"), http, auth, time, policy, () -> 0.5);
  }

  Transport transport() {
    return transport(Auth.bearer("secret-token-123"), 2);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @AfterEach
  void releaseConnections() {
    http.connectionPool().evictAll();
  }

  @Test
  void get_decodesJson_andSendsUserAgentAndCredential() throws Exception {
    server.enqueue(json(200, "{\"id\":\"a\",\"n\":3,\"extra\":true}"));
    Thing t = transport().json(ApiRequest.get("/api/things").segment("id", "a"), Thing.class);
    assertThat(t).isEqualTo(new Thing("a", 3));
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/things/a");
    assertThat(r.getHeaders().get("User-Agent")).isEqualTo("jobsdk-java/" + Version.VERSION).doesNotContain("unknown");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer secret-token-123");
  }

  @Test
  void pathSegment_isEncodedAsExactlyOneSegment() throws Exception {
    server.enqueue(json(200, "{\"id\":\"x\",\"n\":1}"));
    transport().json(ApiRequest.get("/jobs").segment("id", "a b?c#d;é").literal("result"), Thing.class);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getUrl().pathSegments()).containsExactly("jobs", "a b?c#d;é", "result");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/jobs/a%20b%3Fc%23d;%C3%A9/result");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a/b", "..", ".", "a..b", "%2e%2e", "a%2Fb", "a%5cb", "a\\b", "a\nb", "a%0Ab", "a\u0000", " padded "})
  void badIds_areRejectedBeforeAnyRequest(String id) {
    assertThatThrownBy(() -> transport().json(ApiRequest.get("/jobs").segment("jobId", id), Thing.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("jobId ");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void nullId_isRejectedNamingTheParameter() {
    assertThatThrownBy(() -> ApiRequest.get("/jobs").segment("jobId", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jobId must not be null");
  }

  // --- error envelopes ------------------------------------------------------------------------

  ApiException errorFor(MockResponse response) {
    server.enqueue(response);
    return catchThrowableOfType(ApiException.class, () -> transport(Auth.none(), 0).json(ApiRequest.get("/api/jobs/1"), Thing.class));
  }

  @Test
  void envelope_fastApiDetailString() {
    ApiException e = errorFor(json(404, "{\"detail\": \"Job not found\"}"));
    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.errorMessage()).contains("Job not found");
    assertThat(e.getMessage()).isEqualTo("HTTP 404 on GET /api/jobs/1: Job not found");
  }

  @Test
  void envelope_structuredDetail() {
    ApiException e = errorFor(json(402, "{\"detail\": {\"code\": \"corpus_distinct_record_limit_exceeded\", \"message\": \"Upgrade to continue.\", \"resets_at\": \"2026-10-01T00:00:00Z\"}}"));
    assertThat(e).isInstanceOf(PaymentRequiredException.class);
    assertThat(e.errorCode()).contains("corpus_distinct_record_limit_exceeded");
    assertThat(e.errorMessage()).contains("Upgrade to continue.");
  }

  @Test
  void envelope_fastApiValidationArray() {
    ApiException e = errorFor(json(422, "{\"detail\":[{\"loc\":[\"body\",\"preset\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"}]}"));
    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.errorMessage()).contains("body.preset: field required");
  }

  @Test
  void envelope_errorString() {
    ApiException e = errorFor(json(503, "{\"error\": \"Service temporarily unavailable.\"}"));
    assertThat(e).isInstanceOf(ServerException.class);
    assertThat(e.errorMessage()).contains("Service temporarily unavailable.");
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void envelope_messageString() {
    ApiException e = errorFor(json(400, "{\"message\": \"Malformed job ID\"}"));
    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.errorMessage()).contains("Malformed job ID");
  }

  @Test
  void envelope_nestJs_withRequestId() {
    ApiException e = errorFor(new MockResponse.Builder().code(403).addHeader("Content-Type", "application/json")
        .addHeader("X-Request-ID", "req-123")
        .body("{\"statusCode\":403,\"error\":\"FORBIDDEN\",\"message\":\"You do not own this job\",\"timestamp\":\"2026-03-04T12:00:00.000Z\",\"path\":\"/api/jobs/1\"}")
        .build());
    assertThat(e).isInstanceOf(PermissionDeniedException.class);
    assertThat(e.errorCode()).contains("FORBIDDEN");
    assertThat(e.errorMessage()).contains("You do not own this job");
    assertThat(e.requestId()).contains("req-123");
    assertThat(e.getMessage()).endsWith("(code FORBIDDEN, request id req-123)");
  }

  @Test
  void envelope_nestJsValidationMessageArray() {
    ApiException e = errorFor(json(400, "{\"statusCode\":400,\"error\":\"BAD_REQUEST\",\"message\":[\"userPromptTemplate should not be empty\",\"property userPrompt should not exist\"]}"));
    assertThat(e.errorMessage()).contains("userPromptTemplate should not be empty; property userPrompt should not exist");
  }

  @Test
  void envelope_plainText() {
    ApiException e = errorFor(new MockResponse.Builder().code(402).addHeader("Content-Type", "text/plain").body("Insufficient funds or subscription.").build());
    assertThat(e).isInstanceOf(PaymentRequiredException.class);
    assertThat(e.errorMessage()).contains("Insufficient funds or subscription.");
  }

  @Test
  void envelope_htmlIsSummarisedAndTruncated() {
    String html = "<html><head><title>502 Bad Gateway</title></head><body>" + "x".repeat(10_000) + "</body></html>";
    ApiException e = errorFor(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html").body(html).build());
    assertThat(e).isInstanceOf(ServerException.class);
    assertThat(e.errorMessage()).contains("502 Bad Gateway");
    assertThat(e.details().body()).hasSizeLessThanOrEqualTo(ErrorMapper.MAX_BODY_CHARS + 1);
  }

  @Test
  void everyStatus_mapsToItsException() {
    Map<Integer, Class<? extends ApiException>> expected = Map.of(
        400, BadRequestException.class, 401, AuthenticationException.class, 402, PaymentRequiredException.class,
        403, PermissionDeniedException.class, 404, NotFoundException.class, 409, ConflictException.class,
        422, BadRequestException.class, 429, RateLimitException.class, 500, ServerException.class,
        504, ServerException.class);
    expected.forEach((status, type) -> assertThat(errorFor(json(status, "{}"))).isExactlyInstanceOf(type));
    assertThat(errorFor(json(408, "{}"))).isExactlyInstanceOf(ApiException.class).matches(ApiException::isRetryable);
    assertThat(errorFor(json(501, "{}")).isRetryable()).isFalse();
  }

  // --- retries --------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void get_isRetriedOnTransientStatuses(int status) {
    server.enqueue(json(status, "{}"));
    server.enqueue(json(status, "{}"));
    server.enqueue(json(200, "{\"id\":\"a\",\"n\":1}"));
    assertThat(transport().json(ApiRequest.get("/things/a"), Thing.class).id()).isEqualTo("a");
    assertThat(server.getRequestCount()).isEqualTo(3);
    // 500 ms doubling per retry, equal jitter at 0.5 => 75% of the base
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750));
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 402, 403, 404, 409, 422})
  void get_isNeverRetriedOnClientErrors(int status) {
    server.enqueue(json(status, "{\"detail\":\"no\"}"));
    server.enqueue(json(200, "{\"id\":\"a\",\"n\":1}"));
    assertThatThrownBy(() -> transport().json(ApiRequest.get("/things/a"), Thing.class)).isInstanceOf(ApiException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void retries_giveUpAfterMaxRetries_withTheLastError() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(503, "{\"error\":\"down " + i + "\"}"));
    }
    ApiException e = catchThrowableOfType(ApiException.class, () -> transport().json(ApiRequest.get("/things/a"), Thing.class));
    assertThat(e.errorMessage()).contains("down 2");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void retryAfter_seconds_isHonouredWithinTheDeadline() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "40").build());
    server.enqueue(json(200, "{\"id\":\"a\",\"n\":1}"));
    transport().json(ApiRequest.get("/things/a"), Thing.class);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(40));
  }

  @Test
  void retryAfter_beyondTheDeadline_isNotWaitedOut_butSurfacesAsRateLimitExceptionCarryingIt() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "300").build());
    server.enqueue(json(200, "{\"id\":\"a\",\"n\":1}"));
    RateLimitException e =
        catchThrowableOfType(RateLimitException.class, () -> transport().json(ApiRequest.get("/things/a"), Thing.class));
    assertThat(e.retryAfter()).contains(Duration.ofMinutes(5));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void retryAfter_countsAgainstTheDeadline_soALaterOneThatWouldPassItSurfaces() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "40").build());
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "30").build());
    server.enqueue(json(200, "{\"id\":\"a\",\"n\":1}"));
    RateLimitException e =
        catchThrowableOfType(RateLimitException.class, () -> transport().json(ApiRequest.get("/things/a"), Thing.class));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(40));
  }

  @Test
  void deadline_noRetryStartsPastIt_andTheLastErrorIsThrown() {
    for (int i = 0; i < 6; i++) {
      server.enqueue(json(503, "{\"error\":\"down " + i + "\"}"));
    }
    RetryPolicy policy =
        RetryPolicy.builder().maxRetries(5).backoff(Backoff.fixed(Duration.ofSeconds(10))).deadline(Duration.ofSeconds(25)).build();
    ServerException e =
        catchThrowableOfType(ServerException.class, () -> transport(Auth.none(), policy).json(ApiRequest.get("/things/a"), Thing.class));
    assertThat(e.errorMessage()).contains("down 2");
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
  }

  @Test
  void backoff_isTheRetryPolicys() {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(503, "{}"));
    server.enqueue(json(200, "{\"id\":\"a\",\"n\":1}"));
    RetryPolicy policy = RetryPolicy.builder().backoff(attempt -> Duration.ofSeconds(attempt.number() * 3L)).build();
    transport(Auth.none(), policy).json(ApiRequest.get("/things/a"), Thing.class);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(6));
  }

  @Test
  void retryAfter_httpDate_isMeasuredAgainstTheClientClock() {
    String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.now().plusSeconds(12).atZone(ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", at).build());
    server.enqueue(json(200, "{\"id\":\"a\",\"n\":1}"));
    transport().json(ApiRequest.get("/things/a"), Thing.class);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void retryAfter_parsing() {
    var now = time.now();
    assertThat(ErrorMapper.parseRetryAfter("0", now)).isEqualTo(Duration.ZERO);
    assertThat(ErrorMapper.parseRetryAfter(" 42 ", now)).isEqualTo(Duration.ofSeconds(42));
    assertThat(ErrorMapper.parseRetryAfter("soon", now)).isNull();
    assertThat(ErrorMapper.parseRetryAfter(null, now)).isNull();
    String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.minusSeconds(30).atZone(ZoneOffset.UTC));
    assertThat(ErrorMapper.parseRetryAfter(past, now)).isEqualTo(Duration.ZERO);
  }

  @Test
  void connectionReset_isRetriedForGet() {
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, "{\"id\":\"a\",\"n\":1}"));
    assertThat(transport().json(ApiRequest.get("/things/a"), Thing.class).n()).isEqualTo(1);
    assertThat(time.sleeps()).hasSize(1);
  }

  @Test
  void post_withoutIdempotencyKey_isNeverRetried() {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(200, "{\"id\":\"a\",\"n\":1}"));
    assertThatThrownBy(() -> transport().json(ApiRequest.post("/things").json(Map.of("x", 1)), Thing.class))
        .isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void post_withIdempotencyKey_isRetried_withTheSameKey() throws Exception {
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(202, "{\"id\":\"a\",\"n\":1}"));
    Thing t = transport().json(ApiRequest.post("/things").json(Map.of("x", 1)).idempotencyKey("k-1"), Thing.class);
    assertThat(t.id()).isEqualTo("a");
    server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(second.getHeaders().get("Idempotency-Key")).isEqualTo("k-1");
    assertThat(second.getBody().utf8()).isEqualTo("{\"x\":1}");
  }

  @Test
  void noRetry_sendsOnce() {
    server.enqueue(json(503, "{}"));
    assertThatThrownBy(() -> transport().json(ApiRequest.get("/things/a").noRetry(), Thing.class)).isInstanceOf(ServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void malformedJson_isAnInvalidResponse_retriedForGet() {
    server.enqueue(json(200, "{\"id\": \"a\", "));
    server.enqueue(json(200, "{\"id\":\"a\",\"n\":2}"));
    assertThat(transport().json(ApiRequest.get("/things/a"), Thing.class).n()).isEqualTo(2);
    server.enqueue(json(200, "not json"));
    assertThatThrownBy(() -> transport(Auth.none(), 0).json(ApiRequest.get("/things/a"), Thing.class))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("GET /things/a");
  }

  @Test
  void bareStringBody_isReadAsATextNode() {
    server.enqueue(new MockResponse.Builder().code(201).body("550e8400-e29b-41d4-a716-446655440000").build());
    JsonNode node = transport().tree(ApiRequest.post("/api/assessments/1/gap-fields/submit"));
    assertThat(node.asText()).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
  }

  // --- token refresh ----------------------------------------------------------------------------

  @Test
  void tokenProvider_isAskedPerRequest_andRefreshedOnceOn401() throws Exception {
    List<String> invalidated = new ArrayList<>();
    TokenProvider provider = new TokenProvider() {
      int generation = 1;
      @Override public synchronized String token() { return "jwt-" + generation; }
      @Override public synchronized void invalidate(String rejected) { invalidated.add(rejected); generation++; }
    };
    server.enqueue(json(401, "{\"message\":\"Invalid or expired token\"}"));
    server.enqueue(json(200, "{\"id\":\"a\",\"n\":1}"));
    transport(Auth.tokenProvider(provider), 2).json(ApiRequest.get("/things/a"), Thing.class);
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer jwt-1");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer jwt-2");
    assertThat(invalidated).containsExactly("jwt-1");

    server.enqueue(json(401, "{}"));
    server.enqueue(json(401, "{}"));
    server.enqueue(json(200, "{\"id\":\"a\",\"n\":1}"));
    assertThatThrownBy(() -> transport(Auth.tokenProvider(provider), 2).json(ApiRequest.get("/things/a"), Thing.class))
        .isInstanceOf(AuthenticationException.class);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void apiKeyHeader_isSentUnderItsOwnName() throws Exception {
    server.enqueue(json(200, "{\"id\":\"a\",\"n\":1}"));
    transport(Auth.apiKeyHeader("x-api-key", "sk_test_123"), 0).json(ApiRequest.get("/v1/x"), Thing.class);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("x-api-key")).isEqualTo("sk_test_123");
    assertThat(r.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void unauthenticatedRequest_carriesNoCredential() throws Exception {
    server.enqueue(json(200, "{\"id\":\"a\",\"n\":1}"));
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("username", "u");
    form.put("password", "p");
    transport().json(ApiRequest.post("/login").form(form).unauthenticated(), Thing.class);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("Authorization")).isNull();
    assertThat(r.getBody().utf8()).isEqualTo("username=u&password=p");
  }

  // --- redaction ----------------------------------------------------------------------------------

  @Test
  void logsAndExceptions_neverContainTheCredential() {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.jobsdk");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level before = logger.getLevel();
    logger.setLevel(Level.TRACE);
    logger.addAppender(appender);
    try {
      server.enqueue(json(503, "{\"error\":\"busy\"}"));
      server.enqueue(json(401, "{\"detail\":\"Invalid token\"}"));
      Transport t = new Transport(server.url("/"), http, Auth.apiKeyHeader("X-API-Key", "dc_supersecret"), time, retries, () -> 0.5);
      ApiException e = catchThrowableOfType(ApiException.class, () -> t.json(ApiRequest.get("/things/a"), Thing.class));
      assertThat(e.getMessage()).doesNotContain("dc_supersecret");
      assertThat(appender.list).isNotEmpty();
      assertThat(appender.list).noneMatch(ev -> ev.getFormattedMessage().contains("dc_supersecret"));
      assertThat(appender.list).anyMatch(ev -> ev.getFormattedMessage().contains("X-API-Key: " + Redaction.REDACTED));
      assertThat(appender.list).anyMatch(ev -> ev.getLevel() == Level.DEBUG && ev.getFormattedMessage().matches("GET /things/a -> 503 in \\d+ ms \\(attempt 1\\)"));
      assertThat(appender.list).anyMatch(ev -> ev.getFormattedMessage().contains("retry 1 of 2"));
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(before);
    }
  }

  @Test
  void credentialObjects_hideTheirSecretsInToString() {
    assertThat(Auth.bearer("tok_abc").toString()).doesNotContain("tok_abc").contains(Redaction.REDACTED);
    assertThat(Auth.apiKeyHeader("x-api-key", "sk_live_1").toString()).doesNotContain("sk_live_1");
    assertThat(Auth.tokenProvider(() -> "jwt").toString()).doesNotContain("jwt\"");
    assertThat(new IssuedToken("acc-1", null, "ref-1").toString()).doesNotContain("acc-1").doesNotContain("ref-1");
  }

  @Test
  void connectionFailure_isAnApiConnectionException_namingTheRequest() throws Exception {
    int port = server.getPort();
    server.close();
    Transport t = new Transport(okhttp3.HttpUrl.get("http://127.0.0.1:" + port + "/"), http, Auth.none(), time, retries.toBuilder().maxRetries(1).build(), () -> 0.5);
    ApiConnectionException e = catchThrowableOfType(ApiConnectionException.class, () -> t.json(ApiRequest.get("/things/a"), Thing.class));
    assertThat(e.getMessage()).startsWith("GET /things/a failed");
    assertThat(e.isRetryable()).isTrue();
    assertThat(time.sleeps()).hasSize(1);
  }
}
