package dev.jobsdk.core;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.internal.ClientSettings;
import dev.jobsdk.core.internal.DefaultJobScheduler;
import okhttp3.OkHttpClient;

/**
 * The settings every jobsdk client builder shares: where the API is, timeouts, retries, the
 * default polling policy, and the HTTP client and scheduler to use. Vendor builders add their
 * credentials.
 *
 * @param <B> the concrete builder type
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  private String baseUrl;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(30);
  private Duration callTimeout = Duration.ofSeconds(60);
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private PollingPolicy pollingPolicy;
  private OkHttpClient okHttpClient;
  private JobScheduler scheduler;
  private boolean allowInsecureHttp;
  private long maxResponseBytes = ClientSettings.DEFAULT_MAX_RESPONSE_BYTES;
  private int maxConcurrentPolls = DefaultJobScheduler.DEFAULT_MAX_CONCURRENT_POLLS;
  private Executor pollExecutor;
  private Executor completionExecutor;
  private double maxRequestsPerSecond;

  static {
    ClientSettings.register(
        (builder, defaultBaseUrl, defaultPolicy) -> builder.settings(defaultBaseUrl, defaultPolicy));
  }

  /** Creates a builder with the shared defaults. */
  protected ClientBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * Sets the API's base URL. It must use https unless its host is a loopback address (such as
   * {@code localhost} or {@code 127.0.0.1}) or {@link #allowInsecureHttp(boolean)} is set.
   *
   * @param baseUrl the base URL, e.g. {@code https://api.example.com}
   * @return this builder
   */
  public B baseUrl(String baseUrl) {
    this.baseUrl = Checks.notBlank(baseUrl, "baseUrl");
    return self();
  }

  /**
   * Sets how long to wait for a connection. Default 10 s.
   *
   * @param timeout positive
   * @return this builder
   */
  public B connectTimeout(Duration timeout) {
    this.connectTimeout = Checks.positive(timeout, "connectTimeout");
    return self();
  }

  /**
   * Sets how long to wait between bytes of a response. Default 30 s.
   *
   * @param timeout positive
   * @return this builder
   */
  public B readTimeout(Duration timeout) {
    this.readTimeout = Checks.positive(timeout, "readTimeout");
    return self();
  }

  /**
   * Sets how long one attempt of a call may take in all, from connecting to reading the last
   * byte. Default 60 s.
   *
   * @param timeout positive
   * @return this builder
   */
  public B callTimeout(Duration timeout) {
    this.callTimeout = Checks.positive(timeout, "callTimeout");
    return self();
  }

  /**
   * Sets how many times a request that failed transiently (connection error or timeout, an
   * unreadable success answer, HTTP 408, 429, 500, 502, 503 or 504) is sent again. Only GETs and
   * POSTs that carry an idempotency key are retried. Default 2. A shortcut for
   * {@link #retryPolicy(RetryPolicy)} that keeps the other retry settings.
   *
   * @param maxRetries zero or more
   * @return this builder
   */
  public B maxRetries(int maxRetries) {
    this.retryPolicy = retryPolicy.toBuilder().maxRetries(maxRetries).build();
    return self();
  }

  /**
   * Sets how single calls are retried: how often, after which delays, and the deadline of the
   * whole call. Default {@link RetryPolicy#defaults()}. Waits for jobs are governed by the polling
   * policy instead.
   *
   * @param retryPolicy the retry policy
   * @return this builder
   */
  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Checks.notNull(retryPolicy, "retryPolicy");
    return self();
  }

  /**
   * Sets the default polling policy of every wait. Default: the vendor's own policy.
   *
   * @param policy the policy
   * @return this builder
   */
  public B pollingPolicy(PollingPolicy policy) {
    this.pollingPolicy = Checks.notNull(policy, "pollingPolicy");
    return self();
  }

  /**
   * Shares an existing OkHttp client (its connection pool and dispatcher). The client derives its
   * own instance with {@link OkHttpClient#newBuilder()} and this builder's timeouts, and never
   * shuts the shared one down.
   *
   * @param client the client to share
   * @return this builder
   */
  public B okHttpClient(OkHttpClient client) {
    this.okHttpClient = Checks.notNull(client, "okHttpClient");
    return self();
  }

  /**
   * Sets the scheduler (clock and timer) of the client, for example a {@link
   * dev.jobsdk.core.testing.VirtualScheduler} in tests. Default: one daemon scheduler owned by the
   * client and stopped by its {@code close()}.
   *
   * @param scheduler the scheduler
   * @return this builder
   */
  public B scheduler(JobScheduler scheduler) {
    this.scheduler = Checks.notNull(scheduler, "scheduler");
    return self();
  }

  /**
   * Sets the most bytes of a success answer the client reads into memory (a job, a result, a
   * list). A larger body ends the call with a {@link ResponseTooLargeException} instead of
   * exhausting memory. Asset downloads stream to you and are not limited. Default {@value
   * ClientSettings#DEFAULT_MAX_RESPONSE_BYTES} bytes (32 MiB).
   *
   * @param bytes positive
   * @return this builder
   */
  public B maxResponseBytes(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("maxResponseBytes must be positive, was " + bytes);
    }
    this.maxResponseBytes = bytes;
    return self();
  }

  /**
   * Allows a plain-http base URL on a non-loopback host (for a local proxy or a test network).
   * Credentials then travel unencrypted. Default false.
   *
   * @param allow whether to allow it
   * @return this builder
   */
  public B allowInsecureHttp(boolean allow) {
    this.allowInsecureHttp = allow;
    return self();
  }

  /**
   * Sets the most polls the client runs at once, across all its waits. Polls due beyond it queue
   * (holding no thread) and start late; a client that falls behind its schedule logs a warning
   * once. The client's HTTP connection pool is sized to match (unless an {@link
   * #okHttpClient(OkHttpClient) OkHttpClient} is shared). Default 224: about 2,200 polls per
   * second at 100 ms of server latency; on JDK 17 that many poll threads, which together with the
   * JVM's and OkHttp's own stay under 256 platform threads.
   *
   * <p>Where polls run: on JDK 21 and later each poll gets a virtual thread, so waiting for the
   * server costs no platform thread; on JDK 17 a pool of this many daemon threads, created on
   * demand and retired when idle; or the {@link #pollExecutor(Executor) executor you give}.
   *
   * @param maxConcurrentPolls positive
   * @return this builder
   */
  public B maxConcurrentPolls(int maxConcurrentPolls) {
    if (maxConcurrentPolls < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentPolls must be positive, was " + maxConcurrentPolls);
    }
    this.maxConcurrentPolls = maxConcurrentPolls;
    return self();
  }

  /**
   * Runs polls (blocking HTTP calls) on your executor instead of the client's own threads. The
   * client never shuts it down. Ignored when a {@link #scheduler(JobScheduler) scheduler} is set.
   *
   * @param executor the executor
   * @return this builder
   */
  public B pollExecutor(Executor executor) {
    this.pollExecutor = Checks.notNull(executor, "pollExecutor");
    return self();
  }

  /**
   * Completes the futures of asynchronous waits on your executor, so callbacks chained on them
   * ({@code thenApply}, {@code whenComplete}) run there. Default: the client's own completion
   * threads (virtual threads on JDK 21+), never a thread that does I/O, so a slow callback cannot
   * hold up any poll. The client never shuts your executor down.
   *
   * @param executor the executor
   * @return this builder
   */
  public B completionExecutor(Executor executor) {
    this.completionExecutor = Checks.notNull(executor, "completionExecutor");
    return self();
  }

  /**
   * Caps the client's requests per second, across all its calls and waits (DeepIDV, for example,
   * documents 25 requests per second). Polls over the ceiling are delayed, holding no thread;
   * single calls wait for their turn. Independently of this setting, a 429 or 503 with {@code
   * Retry-After} on any request holds back every request of the client to that host until then.
   * Default: no ceiling.
   *
   * @param requestsPerSecond positive
   * @return this builder
   */
  public B maxRequestsPerSecond(double requestsPerSecond) {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException(
          "maxRequestsPerSecond must be positive and finite, was " + requestsPerSecond);
    }
    this.maxRequestsPerSecond = requestsPerSecond;
    return self();
  }

  /**
   * Applies the vendor's documented environment variables (listed on the vendor builder), read
   * from the process environment. Variables that are unset or blank count as unset.
   *
   * @return this builder
   * @throws IllegalStateException if a required variable is unset, or a variable's value is not
   *     valid (the message names the variable, never its value)
   */
  public final B fromEnv() {
    return fromEnv(System::getenv);
  }

  /**
   * Applies the vendor's documented environment variables, read from {@code environment} instead
   * of the process environment (for a CLI, a container's configuration, or tests).
   *
   * @param environment variable name to value, null when unset
   * @return this builder
   * @throws IllegalStateException if a required variable is unset, or a variable's value is not
   *     valid (the message names the variable, never its value)
   */
  public final B fromEnv(Function<String, String> environment) {
    Checks.notNull(environment, "environment");
    applyEnvironment(environment);
    return self();
  }

  /**
   * Reads the vendor's variables from {@code environment} and applies them to this builder. Every
   * vendor builder overrides it; the default reads nothing.
   *
   * @param environment variable name to value, null when unset
   * @throws IllegalStateException if a required variable is unset or a value is not valid
   */
  protected void applyEnvironment(Function<String, String> environment) {}

  private ClientSettings settings(String defaultBaseUrl, PollingPolicy defaultPolicy) {
    String url = baseUrl != null ? baseUrl : defaultBaseUrl;
    if (url == null) {
      throw new IllegalStateException("baseUrl is required");
    }
    return new ClientSettings(
        validateBaseUrl(url, allowInsecureHttp),
        connectTimeout,
        readTimeout,
        callTimeout,
        retryPolicy,
        pollingPolicy != null ? pollingPolicy : defaultPolicy,
        okHttpClient,
        scheduler,
        maxConcurrentPolls,
        pollExecutor,
        completionExecutor,
        maxRequestsPerSecond)
        .withMaxResponseBytes(maxResponseBytes);
  }

  static String validateBaseUrl(String url, boolean allowInsecureHttp) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("baseUrl is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("baseUrl must be an http or https URL");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "baseUrl must not contain user info; pass credentials to the builder instead");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("baseUrl must have a host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("baseUrl must not have a query or fragment");
    }
    if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException(
          "baseUrl must use https; plain http is allowed only for loopback hosts or with"
              + " allowInsecureHttp(true)");
    }
    return uri.toString();
  }

  static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    String ascii = IDN.toASCII(h).toLowerCase(Locale.ROOT);
    if (ascii.equals("localhost") || ascii.endsWith(".localhost")) {
      return true;
    }
    boolean literal = h.contains(":") || h.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    if (!literal) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

}
