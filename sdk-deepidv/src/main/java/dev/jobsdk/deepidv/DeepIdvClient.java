package dev.jobsdk.deepidv;

import java.util.Collection;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.JobGroupListener;
import dev.jobsdk.core.JobGroup;
import dev.jobsdk.core.AwaitAllOptions;
import dev.jobsdk.core.ClientBuilder;
import dev.jobsdk.core.internal.ClientSettings;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.internal.Auth;
import dev.jobsdk.core.internal.Credentials;
import dev.jobsdk.core.internal.ClientRuntime;
import dev.jobsdk.core.internal.Redaction;
import dev.jobsdk.deepidv.internal.AsyncJobServiceImpl;
import dev.jobsdk.deepidv.internal.ScreeningServiceImpl;
import java.time.Duration;
import java.util.function.Function;

/**
 * The DeepIDV client: adverse-media screening and the async jobs it runs as.
 *
 * <pre>{@code
 * try (DeepIdvClient client = DeepIdvClient.builder().apiKey("sk_live_...").build()) {
 *   AdverseMediaScreening screening = client.screening().adverseMedia(request);
 *   AdverseMediaResult result = screening.awaitCompletion();
 * }
 * }</pre>
 *
 * <p>Create one client and share it: it is thread-safe, and its connection pool and scheduler
 * serve every call and wait. {@link #close()} releases them (threads and connections the client
 * created; an {@code OkHttpClient} or scheduler passed to the builder is left running).
 *
 * <p>Every request carries the API key in the {@code x-api-key} header. The key never appears in
 * {@code toString()}, log lines or exception messages.
 */
public final class DeepIdvClient implements AutoCloseable {

  /** The production (and sandbox: the key decides) base URL: {@value}. */
  public static final String DEFAULT_BASE_URL = "https://api.deepidv.com";

  /** The environment variable {@link #fromEnv()} reads the API key from: {@value}. */
  public static final String API_KEY_ENV = "DEEPIDV_API_KEY";

  /** The environment variable {@link #fromEnv()} reads an optional base URL from: {@value}. */
  public static final String BASE_URL_ENV = "DEEPIDV_BASE_URL";

  /**
   * The default polling policy of every wait, following DeepIDV's advice to poll every 2 to 5
   * seconds (jobs typically take 30 to 60 seconds, up to 3 minutes): the first poll at once, then
   * every 2 s growing by 1.5x to 5 s, each delay with equal jitter (between half and all of it, so
   * that many jobs started together do not poll in step), giving up after 10 minutes. Unknown
   * statuses are polled through; 5 transient poll errors in a row end the wait.
   */
  public static final PollingPolicy DEFAULT_POLLING_POLICY =
      PollingPolicy.builder()
          .initialDelay(Duration.ZERO)
          .interval(Duration.ofSeconds(2))
          .multiplier(1.5)
          .maxInterval(Duration.ofSeconds(5))
          .jitter(PollingPolicy.Jitter.EQUAL)
          .totalTimeout(Duration.ofMinutes(10))
          .build();

  private static final String API_KEY_HEADER = "x-api-key";

  private final ClientRuntime runtime;
  private final String baseUrl;
  private final AsyncJobService asyncJobs;
  private final ScreeningService screening;

  private DeepIdvClient(ClientSettings settings, String apiKey) {
    this.runtime = ClientRuntime.create(settings, t -> Auth.apiKeyHeader(API_KEY_HEADER, apiKey));
    this.baseUrl = settings.baseUrl();
    AsyncJobServiceImpl jobs = new AsyncJobServiceImpl(runtime);
    this.asyncJobs = jobs;
    this.screening = new ScreeningServiceImpl(runtime, jobs);
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a client from the environment: the API key from {@code DEEPIDV_API_KEY} and, if set,
   * the base URL from {@code DEEPIDV_BASE_URL}. Everything else has its default.
   *
   * @return the client
   * @throws IllegalStateException if {@code DEEPIDV_API_KEY} is not set
   */
  public static DeepIdvClient fromEnv() {
    return builder().fromEnv().build();
  }

  /**
   * Returns the async-jobs API: look at a job, or wait for it.
   *
   * @return the service
   */
  public AsyncJobService asyncJobs() {
    return asyncJobs;
  }

  /**
   * Returns the screening API: start an adverse-media screening.
   *
   * @return the service
   */
  public ScreeningService screening() {
    return screening;
  }

  /**
   * Returns the base URL requests go to.
   *
   * @return the base URL
   */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Returns the policy of waits that are not given one.
   *
   * @return the client's default polling policy
   */
  public PollingPolicy pollingPolicy() {
    return runtime.defaultPolicy();
  }

  /**
   * Awaits a set of jobs together, with the client's default policy: every wait starts now, and
   * the group yields each job's outcome as it ends. A failed job is that job's outcome, never the
   * group's. See {@link JobGroup}.
   *
   * @param jobs the jobs' handles
   * @param <S> the snapshot type
   * @param <R> the result type
   * @return the group
   * @throws IllegalArgumentException if {@code jobs} or one of them is null
   */
  public <S extends JobSnapshot, R> JobGroup<S, R> awaitAll(
      Collection<? extends JobHandle<S, R>> jobs) {
    return runtime.awaitAll(jobs, AwaitAllOptions.defaults(), JobGroupListener.none());
  }

  /**
   * Awaits a set of jobs together, with a policy and a deadline for the set, telling one listener
   * about every job's progress and outcome. See {@link JobGroup}.
   *
   * @param jobs the jobs' handles
   * @param options the policy and deadline
   * @param listener the listener of the whole set
   * @param <S> the snapshot type
   * @param <R> the result type
   * @return the group
   */
  public <S extends JobSnapshot, R> JobGroup<S, R> awaitAll(
      Collection<? extends JobHandle<S, R>> jobs,
      AwaitAllOptions options,
      JobGroupListener<S, R> listener) {
    return runtime.awaitAll(jobs, options, listener);
  }

  /**
   * Awaits a set of jobs named by id, for example {@code client.awaitAll(ids, id -> client.asyncJobs().handle(id, AdverseMediaResult.class))}.
   *
   * @param ids the jobs' ids
   * @param handleOf makes a handle of an id: a service's {@code handle} method
   * @param <S> the snapshot type
   * @param <R> the result type
   * @return the group
   */
  public <S extends JobSnapshot, R> JobGroup<S, R> awaitAll(
      Collection<String> ids, Function<String, ? extends JobHandle<S, R>> handleOf) {
    return runtime.awaitAllIds(ids, handleOf);
  }

  /**
   * Closes the client: every wait still in flight ends at once with {@link
   * dev.jobsdk.core.ClientClosedException} (a blocking wait throws it, an async future fails with
   * it), later calls fail with it before sending anything, and the threads and connections the
   * client created are released (not those of a shared {@code OkHttpClient}). Idempotent.
   */
  @Override
  public void close() {
    runtime.close();
  }

  /**
   * Describes the client without its API key.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "DeepIdvClient{baseUrl=" + baseUrl + ", apiKey=" + Redaction.REDACTED + "}";
  }

  /**
   * Builds a {@link DeepIdvClient}. The API key is required; everything else has a default (base
   * URL {@value DeepIdvClient#DEFAULT_BASE_URL}, polling policy {@link
   * DeepIdvClient#DEFAULT_POLLING_POLICY}, and the timeouts and retries of {@link ClientBuilder}).
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private String apiKey;

    private Builder() {}

    /**
     * Sets the organisation's API key, sent as {@code x-api-key} on every request.
     *
     * @param apiKey the key, such as {@code sk_test_...}
     * @return this builder
     * @throws IllegalArgumentException if it is blank or has characters other than visible ASCII
     *     (the message never contains the key)
     */
    public Builder apiKey(String apiKey) {
      Credentials.headerSafe(apiKey, "apiKey");
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Reads the API key from {@value DeepIdvClient#API_KEY_ENV} (required) and, if set, the base
     * URL from {@value DeepIdvClient#BASE_URL_ENV}.
     *
     * @param env variable name to value, null when unset
     * @throws IllegalStateException if {@value DeepIdvClient#API_KEY_ENV} is not set or a value is
     *     not valid
     */
    @Override
    protected void applyEnvironment(Function<String, String> env) {
      Credentials.require(env, API_KEY_ENV);
      Credentials.apply(env, API_KEY_ENV, this::apiKey);
      Credentials.apply(env, BASE_URL_ENV, this::baseUrl);
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if no API key was set
     * @throws IllegalArgumentException if the base URL is not a valid https URL (http is allowed
     *     for loopback hosts)
     */
    public DeepIdvClient build() {
      if (apiKey == null) {
        throw new IllegalStateException("apiKey is required");
      }
      return new DeepIdvClient(ClientSettings.of(this, DEFAULT_BASE_URL, DEFAULT_POLLING_POLICY), apiKey);
    }

    /**
     * Describes the builder without its API key.
     *
     * @return the description
     */
    @Override
    public String toString() {
      return "DeepIdvClient.Builder{apiKey=" + (apiKey == null ? "unset" : Redaction.REDACTED) + "}";
    }
  }
}
