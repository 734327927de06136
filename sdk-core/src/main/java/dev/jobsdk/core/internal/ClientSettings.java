package dev.jobsdk.core.internal;

import dev.jobsdk.core.JobScheduler;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.RetryPolicy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;

/**
 * The transport and polling settings a client was built with (never its credential). Produced by
 * {@link dev.jobsdk.core.ClientBuilder} through {@link #of}; vendor clients read it when they start.
 */
public final class ClientSettings {
  private final String baseUrl;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final RetryPolicy retryPolicy;
  private final PollingPolicy pollingPolicy;
  private final OkHttpClient okHttpClient;
  private final JobScheduler scheduler;
  private final int maxConcurrentPolls;
  private final Executor pollExecutor;
  private final Executor completionExecutor;
  private final double maxRequestsPerSecond;
  private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

  /**
   * The default of {@link dev.jobsdk.core.ClientBuilder#maxResponseBytes(long)}: {@value} bytes (32 MiB), far above
   * any documented response of the three APIs.
   */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

  /** Reads a builder's settings; registered by {@link dev.jobsdk.core.ClientBuilder}. */
  @FunctionalInterface
  public interface Reader {
    /**
     * Validates and returns a builder's settings.
     *
     * @param builder the builder
     * @param defaultBaseUrl the vendor's production URL, or null if it has none
     * @param defaultPolicy the vendor's default polling policy
     * @return the settings
     */
    ClientSettings read(
        dev.jobsdk.core.ClientBuilder<?> builder, String defaultBaseUrl, PollingPolicy defaultPolicy);
  }

  private static volatile Reader reader;

  /**
   * Registers the one reader of builder settings. Called once by {@code ClientBuilder}'s class
   * initialisation; later calls are ignored.
   *
   * @param r the reader
   */
  public static synchronized void register(Reader r) {
    if (reader == null) {
      reader = r;
    }
  }

  /**
   * Validates and returns a builder's settings, for a vendor builder's {@code build()}.
   *
   * @param builder the builder
   * @param defaultBaseUrl the vendor's production URL, or null if it has none
   * @param defaultPolicy the vendor's default polling policy
   * @return the settings
   * @throws IllegalStateException if no base URL was set and the vendor has no default
   * @throws IllegalArgumentException if the base URL is not valid
   */
  public static ClientSettings of(
      dev.jobsdk.core.ClientBuilder<?> builder, String defaultBaseUrl, PollingPolicy defaultPolicy) {
    return reader.read(builder, defaultBaseUrl, defaultPolicy);
  }

  /**
   * Creates the settings.
   *
   * @param baseUrl the validated base URL
   * @param connectTimeout the connect timeout
   * @param readTimeout the read timeout
   * @param callTimeout the call timeout
   * @param retryPolicy how single calls are retried
   * @param pollingPolicy the default polling policy
   * @param okHttpClient a shared OkHttp client, or null
   * @param scheduler a scheduler, or null
   * @param maxConcurrentPolls the most polls at once
   * @param pollExecutor the executor polls run on, or null
   * @param completionExecutor the executor futures complete on, or null
   * @param maxRequestsPerSecond the request-rate ceiling, or 0 for none
   */
  public ClientSettings(
      String baseUrl,
      Duration connectTimeout,
      Duration readTimeout,
      Duration callTimeout,
      RetryPolicy retryPolicy,
      PollingPolicy pollingPolicy,
      OkHttpClient okHttpClient,
      JobScheduler scheduler,
      int maxConcurrentPolls,
      Executor pollExecutor,
      Executor completionExecutor,
      double maxRequestsPerSecond) {
    this.maxConcurrentPolls = maxConcurrentPolls;
    this.pollExecutor = pollExecutor;
    this.completionExecutor = completionExecutor;
    this.maxRequestsPerSecond = maxRequestsPerSecond;
    this.baseUrl = baseUrl;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.callTimeout = callTimeout;
    this.retryPolicy = retryPolicy;
    this.pollingPolicy = pollingPolicy;
    this.okHttpClient = okHttpClient;
    this.scheduler = scheduler;
  }

  /**
   * Returns the validated base URL.
   *
   * @return the base URL
   */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Returns the connect timeout.
   *
   * @return the timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Returns the read timeout (between bytes).
   *
   * @return the timeout
   */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * Returns the whole-call timeout of one attempt.
   *
   * @return the timeout
   */
  public Duration callTimeout() {
    return callTimeout;
  }

  /**
   * Returns how many times a retryable request is sent again.
   *
   * @return the retry count
   */
  public int maxRetries() {
    return retryPolicy.maxRetries();
  }

  /**
   * Returns how single calls are retried.
   *
   * @return the retry policy
   */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * Returns the client's default polling policy.
   *
   * @return the policy
   */
  public PollingPolicy pollingPolicy() {
    return pollingPolicy;
  }

  /**
   * Returns the OkHttp client to derive from, if the user supplied one.
   *
   * @return the shared client, or empty
   */
  public Optional<OkHttpClient> okHttpClient() {
    return Optional.ofNullable(okHttpClient);
  }

  /**
   * Returns the most bytes a success body read into memory may have.
   *
   * @return the limit in bytes
   */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * Sets the body limit; only the builder calls this, before the settings are shared.
   *
   * @param bytes the limit in bytes
   * @return these settings
   */
  public ClientSettings withMaxResponseBytes(long bytes) {
    this.maxResponseBytes = bytes;
    return this;
  }

  /**
   * Returns the scheduler, if the user supplied one.
   *
   * @return the scheduler, or empty for a client-owned default
   */
  public Optional<JobScheduler> scheduler() {
    return Optional.ofNullable(scheduler);
  }

  /**
   * Returns the most polls the client runs at once.
   *
   * @return the limit
   */
  public int maxConcurrentPolls() {
    return maxConcurrentPolls;
  }

  /**
   * Returns the user's executor for polls, if one was set.
   *
   * @return the executor, or empty for the client's own threads
   */
  public Optional<Executor> pollExecutor() {
    return Optional.ofNullable(pollExecutor);
  }

  /**
   * Returns the user's executor on which wait futures complete, if one was set.
   *
   * @return the executor, or empty for the client's own
   */
  public Optional<Executor> completionExecutor() {
    return Optional.ofNullable(completionExecutor);
  }

  /**
   * Returns the client-wide ceiling of requests per second.
   *
   * @return the ceiling, or 0 for none
   */
  public double maxRequestsPerSecond() {
    return maxRequestsPerSecond;
  }

  @Override
  public String toString() {
    return "ClientSettings{baseUrl="
        + baseUrl
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", callTimeout="
        + callTimeout
        + ", retryPolicy="
        + retryPolicy
        + ", maxResponseBytes="
        + maxResponseBytes
        + ", pollingPolicy="
        + pollingPolicy
        + ", maxConcurrentPolls="
        + maxConcurrentPolls
        + ", maxRequestsPerSecond="
        + maxRequestsPerSecond
        + '}';
  }
}
