package dev.jobsdk.core.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.ApiConnectionException;
import dev.jobsdk.core.ApiException;
import dev.jobsdk.core.ErrorDetails;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.JobScheduler;
import dev.jobsdk.core.JobSdkException;
import dev.jobsdk.core.ResponseTooLargeException;
import dev.jobsdk.core.RateLimitException;
import dev.jobsdk.core.RetryPolicy;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.nio.charset.Charset;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one request path of every client: builds the request, authenticates it, sends it, retries
 * transient failures (resilience4j-retry decides, the client's scheduler waits), maps error
 * answers to exceptions and decodes JSON. Every response body is closed. Thread-safe.
 */
public final class Transport {
  private static final Logger log = LoggerFactory.getLogger(Transport.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

  /** The longest a server's Retry-After holds back this client's requests to its host. */
  static final Duration MAX_HOLD = Duration.ofMinutes(5);

  private final HttpUrl baseUrl;
  private final OkHttpClient http;
  private final Auth auth;
  private final JobScheduler scheduler;
  private final RetryPolicy retries;
  private final DoubleSupplier random;
  private final Retry retry;
  private final Lifecycle lifecycle;
  private final RateBudget budget;
  private volatile long maxResponseBytes = ClientSettings.DEFAULT_MAX_RESPONSE_BYTES;

  /**
   * Creates a transport.
   *
   * @param baseUrl the API's base URL
   * @param http the HTTP client
   * @param auth how requests are authenticated
   * @param scheduler the client's scheduler (clock and retry waits)
   * @param retries how single calls are retried
   * @param random uniform values in [0, 1) for retry jitter
   */
  public Transport(
      HttpUrl baseUrl,
      OkHttpClient http,
      Auth auth,
      JobScheduler scheduler,
      RetryPolicy retries,
      DoubleSupplier random) {
    this(
        baseUrl,
        http,
        auth,
        scheduler,
        retries,
        random,
        new Lifecycle(),
        RateBudget.unlimited(scheduler.clock()));
  }

  /**
   * Creates a transport that refuses every call once {@code lifecycle} is closed.
   *
   * @param baseUrl the API's base URL
   * @param http the HTTP client
   * @param auth how requests are authenticated
   * @param scheduler the client's scheduler (clock and retry waits)
   * @param retries how single calls are retried
   * @param random uniform values in [0, 1) for retry jitter
   * @param lifecycle the client's open/closed state
   * @param budget the client's rate budget
   */
  public Transport(
      HttpUrl baseUrl,
      OkHttpClient http,
      Auth auth,
      JobScheduler scheduler,
      RetryPolicy retries,
      DoubleSupplier random,
      Lifecycle lifecycle,
      RateBudget budget) {
    this.lifecycle = lifecycle;
    this.budget = budget;
    this.baseUrl = baseUrl;
    this.http = http;
    this.auth = auth;
    this.scheduler = scheduler;
    this.retries = retries;
    this.random = random;
    // resilience4j decides whether to retry (which failures, how many attempts); the delay is the
    // retry policy's, computed in execute() where the call's elapsed time is known.
    RetryConfig config =
        RetryConfig.custom()
            .maxAttempts(retries.maxRetries() + 1)
            .retryOnException(t -> t instanceof JobSdkException e && e.isRetryable())
            .waitDuration(Duration.ZERO)
            .failAfterMaxAttempts(false)
            .build();
    this.retry = Retry.of("jobsdk", config);
  }

  /**
   * Creates a transport with thread-local randomness for jitter.
   *
   * @param baseUrl the API's base URL
   * @param http the HTTP client
   * @param auth how requests are authenticated
   * @param scheduler the client's scheduler
   * @param retries how single calls are retried
   */
  public Transport(
      HttpUrl baseUrl, OkHttpClient http, Auth auth, JobScheduler scheduler, RetryPolicy retries) {
    this(baseUrl, http, auth, scheduler, retries, () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * Returns a transport sharing everything with this one but the credential.
   *
   * @param newAuth the credential
   * @return the new transport
   */
  public Transport withAuth(Auth newAuth) {
    return new Transport(
            baseUrl, http, newAuth, scheduler, retries, random, lifecycle, budget)
        .limitResponseBodies(maxResponseBytes);
  }

  /**
   * Sets the most bytes a success body read into memory may have (asset downloads stream and are
   * not limited); set once, while the client is built.
   *
   * @param bytes the limit
   * @return this transport
   */
  public Transport limitResponseBodies(long bytes) {
    this.maxResponseBytes = bytes;
    return this;
  }

  /**
   * Returns the client's clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return scheduler.clock();
  }

  /**
   * Returns the base URL.
   *
   * @return the base URL
   */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /**
   * Sends a request and decodes the JSON answer.
   *
   * @param request the request
   * @param type the class to decode into
   * @param <T> the result type
   * @return the decoded body
   */
  public <T> T json(ApiRequest request, Class<T> type) {
    return json(request, Json.MAPPER.constructType(type));
  }

  /**
   * Sends a request and decodes the JSON answer.
   *
   * @param request the request
   * @param type the type to decode into
   * @param <T> the result type
   * @return the decoded body
   */
  public <T> T json(ApiRequest request, JavaType type) {
    return execute(
        request,
        response -> {
          T value = Json.MAPPER.readValue(BoundedBody.stream(response.body(), maxResponseBytes), type);
          if (value == null) {
            throw new InvalidResponseException(
                request + " returned an empty body where JSON was expected", null);
          }
          return value;
        },
        false);
  }

  /**
   * Sends a request and returns the answer as a JSON tree, or as a text node when the body is
   * not JSON (some endpoints answer with a bare string).
   *
   * @param request the request
   * @return the body
   */
  public JsonNode tree(ApiRequest request) {
    return decode(request, (status, bytes, charset) -> jsonOrText(new String(bytes, charset)));
  }

  /**
   * A successful answer: its HTTP status, its body exactly as the server sent it, and the body
   * read as JSON (a text node when it is not JSON, as {@link #tree} reads it).
   *
   * @param status the HTTP status, such as 200 or 202
   * @param body the body text
   * @param json the body as JSON
   */
  public record Answer(int status, String body, JsonNode json) {}

  /**
   * Sends a request and returns the answer with its status and exact body text.
   *
   * @param request the request
   * @return the answer
   */
  public Answer answer(ApiRequest request) {
    return decode(
        request,
        (status, bytes, charset) -> {
          String body = new String(bytes, charset);
          return new Answer(status, body, jsonOrText(body));
        });
  }

  /** A body read as JSON, or as a text node (stripped) when it does not start as JSON does. */
  private static JsonNode jsonOrText(String body) throws JsonProcessingException {
    String trimmed = body.strip();
    if (!trimmed.isEmpty()) {
      char first = trimmed.charAt(0);
      if (first == '{' || first == '[' || first == '"') {
        return Json.MAPPER.readTree(trimmed);
      }
    }
    return Json.MAPPER.getNodeFactory().textNode(trimmed);
  }

  /**
   * Decodes a successful answer from the bytes of its body (read whole, within the body limit).
   *
   * @param <T> what the body decodes to
   */
  @FunctionalInterface
  public interface Decoder<T> {
    /**
     * Decodes a body.
     *
     * @param status the HTTP status, such as 200 or 202
     * @param body the body exactly as sent; the decoder may keep it
     * @param charset the charset the answer declares, UTF-8 when it declares none
     * @return the decoded value
     * @throws IOException if the body cannot be read (a {@link JsonProcessingException} becomes an
     *     {@link InvalidResponseException})
     */
    T decode(int status, byte[] body, Charset charset) throws IOException;
  }

  /**
   * Sends a request and hands the successful answer's bytes to a decoder: the cheapest way to
   * read a small JSON answer, such as a poll's, without a JSON tree in between.
   *
   * @param request the request
   * @param decoder reads the body
   * @param <T> what the body decodes to
   * @return the decoded value
   */
  public <T> T decode(ApiRequest request, Decoder<T> decoder) {
    return execute(
        request,
        response -> {
          byte[] bytes = BoundedBody.bytes(response.body(), maxResponseBytes);
          return decoder.decode(response.code(), bytes, BoundedBody.charset(response.body()));
        },
        false);
  }

  /**
   * Sends a request and streams the answer; the caller must close the result.
   *
   * @param request the request
   * @return the open download
   */
  public Download download(ApiRequest request) {
    return execute(request, Download::new, true);
  }

  /** Reads a successful response. */
  @FunctionalInterface
  interface BodyReader<T> {
    T read(Response response) throws IOException;
  }

  private <T> T execute(ApiRequest req, BodyReader<T> reader, boolean streams) {
    HttpUrl url = url(req);
    String path = url.encodedPath();
    Request.Builder template = new Request.Builder().url(url);
    template.header("User-Agent", Version.USER_AGENT);
    template.header("Accept", streams ? "*/*" : "application/json");
    req.headers.forEach(template::header);
    if (req.idempotencyKey != null) {
      template.header("Idempotency-Key", req.idempotencyKey);
    }
    template.method(req.method, body(req));
    // An unauthenticated request is built once; an authenticated attempt sets the credential of
    // the moment on the template (header() replaces, so a retry carries only the new one).
    Request unauthenticated = req.authenticated ? null : template.build();
    // The retry context is made only when an attempt fails: a poll that succeeds (nearly all of
    // them) allocates none.
    Retry.AsyncContext<Object> context = null;
    Instant callStarted = scheduler.clock().instant();
    boolean refreshed = false;
    int attempt = 0;
    while (true) {
      attempt++;
      lifecycle.checkOpen(req.method, path);
      awaitBudget(req, url.host(), path, callStarted);
      String credential = null;
      Request request = unauthenticated;
      if (req.authenticated) {
        credential = auth.apply(template);
        request = template.build();
      }
      if (log.isTraceEnabled()) {
        log.trace("{} {} headers: {}", req.method, path, Redaction.headers(request.headers()));
      }
      long started = System.nanoTime();
      JobSdkException failure;
      Response response = null;
      boolean keepOpen = false;
      try {
        response = http.newCall(request).execute();
        int code = response.code();
        if (log.isDebugEnabled()) {
          log.debug(
              "{} {} -> {} in {} ms (attempt {})",
              req.method,
              path,
              code,
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
              attempt);
        }
        if (code == 401 && credential != null && !refreshed && auth.refreshAfter401(credential)) {
          refreshed = true;
          attempt--;
          log.debug("{} {} -> 401; refreshing the token and sending once more", req.method, path);
          continue;
        }
        if (response.isSuccessful()) {
          T value = reader.read(response);
          keepOpen = streams;
          if (context != null) {
            context.onComplete();
          }
          return value;
        }
        String body = response.peekBody(MAX_ERROR_BODY_BYTES).string();
        Response r = response;
        failure =
            code / 100 == 3
                ? ErrorMapper.redirectRefused(code, req.method, path, r::header, request.url())
                : ErrorMapper.map(code, req.method, path, r::header, body, scheduler.clock());
        if ((code == 429 || code == 503)
            && failure instanceof ApiException api
            && api.retryAfter().isPresent()) {
          // One budget per client and host: every other request and wait holds back too.
          Duration asked = api.retryAfter().get();
          budget.hold(url.host(), asked.compareTo(MAX_HOLD) > 0 ? MAX_HOLD : asked);
        }
      } catch (JsonProcessingException e) {
        failure =
            new InvalidResponseException(
                req.method + " " + path + " returned a body that is not the expected JSON: "
                    + Untrusted.text(e.getOriginalMessage(), 200),
                e);
      } catch (BoundedBody.TooLarge e) {
        failure = tooLarge(req.method + " " + path, e.declared);
      } catch (IOException e) {
        if (lifecycle.isClosed()) {
          // close() cancelled the call in flight.
          throw Lifecycle.closedException(req.method + " " + path);
        }
        boolean timeout = e instanceof SocketTimeoutException || e instanceof InterruptedIOException;
        // An I/O message can quote the server (OkHttp's "Unexpected status line: ...").
        String why = Untrusted.text(e.toString(), 300);
        log.debug("{} {} failed (attempt {}): {}", req.method, path, attempt, why);
        failure = new ApiConnectionException(req.method + " " + path + " failed: " + why, e, timeout);
      } catch (InvalidResponseException e) {
        failure = e;
      } finally {
        if (response != null && !keepOpen) {
          response.close();
        }
      }
      if (!req.retryable() || retries.maxRetries() == 0) {
        throw failure;
      }
      if (context == null) {
        context = retry.asyncContext();
      }
      if (context.onError(failure) < 0) {
        throw failure;
      }
      Duration elapsed = Duration.between(callStarted, scheduler.clock().instant());
      Duration delay = retryDelay(attempt, failure, elapsed);
      if (delay.compareTo(retries.deadline().minus(elapsed)) > 0) {
        log.debug(
            "{} {} failed with {}; a retry in {} ms would pass the {} ms deadline",
            req.method,
            path,
            failure.getClass().getSimpleName(),
            delay.toMillis(),
            retries.deadline().toMillis());
        throw failure;
      }
      log.debug(
          "{} {} failed with {}; retry {} of {} in {} ms",
          req.method,
          path,
          failure.getClass().getSimpleName(),
          attempt,
          retries.maxRetries(),
          delay.toMillis());
      sleepFor(delay, "retry", req, path);
    }
  }

  private ResponseTooLargeException tooLarge(String request, long declared) {
    return new ResponseTooLargeException(
        request
            + " returned a body of "
            + (declared >= 0 ? declared + " bytes, more" : "more bytes")
            + " than the client's limit of "
            + maxResponseBytes
            + " bytes; raise it with the builder's maxResponseBytes(..)",
        maxResponseBytes);
  }

  /**
   * Waits for the client's rate budget before a single call's attempt: out a Retry-After hold on
   * the host that ends within the call's deadline, then for a slot under the requests-per-second
   * ceiling. A poll's slot was taken by the poller, which waits without holding a thread.
   */
  private void awaitBudget(ApiRequest req, String host, String path, Instant callStarted) {
    if (budget.takePrepaid()) {
      return;
    }
    Duration hold = budget.holdRemaining(host, scheduler.clock().instant());
    if (!hold.isZero()) {
      Duration left =
          retries.deadline().minus(Duration.between(callStarted, scheduler.clock().instant()));
      if (hold.compareTo(left) > 0) {
        throw new RateLimitException(
            new ErrorDetails(
                429,
                req.method,
                path,
                null,
                "not sent: the server asked this client to wait "
                    + hold.toSeconds()
                    + " s more before its next request to this host",
                null,
                hold,
                null));
      }
      sleepFor(hold, "send", req, path);
    }
    Duration slot = budget.reserveSlot(scheduler.clock().instant());
    if (!slot.isZero()) {
      sleepFor(slot, "send", req, path);
    }
  }

  /** Waits on the client's scheduler before an attempt ({@code why}: "send" or "retry"). */
  private void sleepFor(Duration d, String why, ApiRequest req, String path) {
    try {
      scheduler.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiConnectionException(
          "Interrupted while waiting to " + why + " " + req.method + " " + path, e, false);
    }
  }

  /**
   * Returns the delay before retrying after failed attempt number {@code attempt} (1-based): the
   * server's Retry-After when the failure carried one, otherwise the retry policy's backoff.
   *
   * @param attempt the number of the failed attempt
   * @param failure the failure
   * @param elapsed the time since the call started
   * @return the delay, zero or positive
   */
  Duration retryDelay(int attempt, Throwable failure, Duration elapsed) {
    if (failure instanceof ApiException api && api.retryAfter().isPresent()) {
      Duration asked = api.retryAfter().get();
      return asked.isNegative() ? Duration.ZERO : asked;
    }
    Duration d = retries.backoff().delay(new BackoffAttempt(attempt, elapsed, random));
    return d == null || d.isNegative() ? Duration.ZERO : d;
  }

  /**
   * Returns the full URL of a request.
   *
   * @param req the request
   * @return the URL
   */
  public HttpUrl url(ApiRequest req) {
    HttpUrl.Builder b = baseUrl.newBuilder();
    for (String s : req.segments) {
      b.addPathSegment(s);
    }
    for (Map.Entry<String, String> q : req.query.entrySet()) {
      b.addQueryParameter(q.getKey(), q.getValue());
    }
    return b.build();
  }

  private static RequestBody body(ApiRequest req) {
    if (req.formBody != null) {
      FormBody.Builder form = new FormBody.Builder();
      req.formBody.forEach(form::add);
      return form.build();
    }
    if (req.jsonBody != null) {
      try {
        return RequestBody.create(Json.MAPPER.writeValueAsBytes(req.jsonBody), JSON);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("request body cannot be written as JSON", e);
      }
    }
    return "POST".equals(req.method) ? RequestBody.create(new byte[0], null) : null;
  }
}
