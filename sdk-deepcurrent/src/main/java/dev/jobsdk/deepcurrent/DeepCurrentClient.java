package dev.jobsdk.deepcurrent;

import java.util.Collection;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.JobGroupListener;
import dev.jobsdk.core.JobGroup;
import dev.jobsdk.core.AwaitAllOptions;
import dev.jobsdk.core.ClientBuilder;
import dev.jobsdk.core.ClientSettings;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.TokenProvider;
import dev.jobsdk.core.internal.Auth;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.internal.ClientRuntime;
import dev.jobsdk.core.internal.Transport;
import dev.jobsdk.deepcurrent.internal.BdJobServiceImpl;
import dev.jobsdk.deepcurrent.internal.GrowthServiceImpl;
import dev.jobsdk.deepcurrent.internal.LoginTokenProvider;
import java.time.Duration;
import java.util.function.Function;

/**
 * The DeepCurrent API client: {@link #bdJobs() BD jobs} and {@link #growth() growth runs}.
 *
 * <pre>{@code
 * try (DeepCurrentClient client = DeepCurrentClient.builder().apiKey("dc_...").build()) {
 *   BdJob job = client.bdJobs().awaitCompletion(jobId);
 * }
 * }</pre>
 *
 * <p><b>Share one instance.</b> The client is thread-safe; each instance holds a connection pool
 * and a scheduler thread, so create one per application and use it from every thread. {@link
 * #close()} releases those threads and connections (not those of an {@code OkHttpClient} you
 * passed in, nor a scheduler you passed in); do not use the client after closing it.
 *
 * <p>Credentials, exactly one of: an API key ({@code dc_...}, sent as {@code Authorization: Bearer
 * dc_...}), a {@link TokenProvider}, or an email and password, with which the client logs in and
 * renews the JWT before it expires and after a 401. No credential ever appears in {@code
 * toString()}, logs or exception messages.
 *
 * <p>Default polling policy of every wait ({@link #DEFAULT_POLLING_POLICY}): first poll at once,
 * then every 5 s growing by 1.5x up to 30 s (with jitter), giving up after 2 hours; BD jobs run
 * for minutes.
 */
public final class DeepCurrentClient implements AutoCloseable {
  /** The production API, {@value}. */
  public static final String DEFAULT_BASE_URL = "https://api.deepcurrent.app";

  /** The environment variable {@link #fromEnv()} reads the API key from: {@value}. */
  public static final String API_KEY_ENV = "DEEPCURRENT_API_KEY";

  /** The environment variable {@link #fromEnv()} reads an optional base URL from: {@value}. */
  public static final String BASE_URL_ENV = "DEEPCURRENT_BASE_URL";

  /**
   * The default polling policy of every wait, for BD jobs and growth runs that take minutes: the
   * first poll at once, then every 5 s growing by 1.5x to 30 s, each delay with equal jitter
   * (between half and all of it, so that jobs started together do not poll in step), giving up
   * after 2 hours. Unknown statuses are polled through; 5 transient poll errors in a row end the
   * wait. Override it per client with {@link Builder#pollingPolicy(PollingPolicy)} or per wait.
   */
  public static final PollingPolicy DEFAULT_POLLING_POLICY =
      PollingPolicy.builder()
          .initialDelay(Duration.ZERO)
          .interval(Duration.ofSeconds(5))
          .multiplier(1.5)
          .maxInterval(Duration.ofSeconds(30))
          .jitter(PollingPolicy.Jitter.EQUAL)
          .totalTimeout(Duration.ofHours(2))
          .build();

  private final ClientRuntime runtime;
  private final BdJobService bdJobs;
  private final GrowthService growth;
  private final String baseUrl;
  private final String description;

  private DeepCurrentClient(ClientRuntime runtime, String baseUrl, String description) {
    this.runtime = runtime;
    this.baseUrl = baseUrl;
    this.bdJobs = new BdJobServiceImpl(runtime);
    this.growth = new GrowthServiceImpl(runtime);
    this.description = description;
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
   * Builds a client from the environment: the API key from {@value #API_KEY_ENV} (required) and
   * the base URL from {@value #BASE_URL_ENV} (optional; default {@value #DEFAULT_BASE_URL}).
   *
   * @return the client
   * @throws IllegalStateException if {@value #API_KEY_ENV} is not set or is not a {@code dc_} key
   */
  public static DeepCurrentClient fromEnv() {
    return builder().fromEnv().build();
  }

  /**
   * Returns the base URL the client sends requests to.
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
   * Returns the BD job operations.
   *
   * @return the service
   */
  public BdJobService bdJobs() {
    return bdJobs;
  }

  /**
   * Returns the growth run operations.
   *
   * @return the service
   */
  public GrowthService growth() {
    return growth;
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
   * Awaits a set of jobs named by id, each made a handle by {@code handleOf}.
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
   * Describes the client: base URL and kind of credential, never the credential.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return description;
  }

  /**
   * Builds a {@link DeepCurrentClient}. Set exactly one credential: {@link #apiKey(String)},
   * {@link #tokenProvider(TokenProvider)} or {@link #login(String, String)}. Not thread-safe.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private String apiKey;
    private TokenProvider tokenProvider;
    private String email;
    private String password;
    private String baseUrl;

    private Builder() {}

    /**
     * Authenticates with an API key, sent as {@code Authorization: Bearer dc_...}. API keys do not
     * expire.
     *
     * @param apiKey the key; it must start with {@code dc_} (checked by {@link #build()})
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Checks.notBlank(apiKey, "apiKey");
      return this;
    }

    /**
     * Authenticates with bearer tokens from a provider, asked before every request; after a 401
     * the provider's {@code invalidate} is called and the request is sent once more.
     *
     * @param tokenProvider the provider
     * @return this builder
     */
    public Builder tokenProvider(TokenProvider tokenProvider) {
      this.tokenProvider = Checks.notNull(tokenProvider, "tokenProvider");
      return this;
    }

    /**
     * Authenticates by logging in ({@code POST /api/v1/login/access-token}) on first use. The
     * client caches the JWT and logs in again shortly before it expires, and once after a 401.
     *
     * @param email the account's email
     * @param password the account's password
     * @return this builder
     */
    public Builder login(String email, String password) {
      this.email = Checks.notBlank(email, "email");
      this.password = Checks.notBlank(password, "password");
      return this;
    }

    /**
     * Sets the API's base URL (default {@value DeepCurrentClient#DEFAULT_BASE_URL}). A URL that
     * already ends in {@code /api/v1}, as the documentation writes it, is accepted too.
     *
     * @param baseUrl the base URL
     * @return this builder
     */
    @Override
    public Builder baseUrl(String baseUrl) {
      Checks.notBlank(baseUrl, "baseUrl");
      String url = baseUrl.strip();
      while (url.endsWith("/")) {
        url = url.substring(0, url.length() - 1);
      }
      if (url.endsWith("/api/v1")) {
        url = url.substring(0, url.length() - "/api/v1".length());
      }
      this.baseUrl = url;
      return super.baseUrl(url);
    }

    /**
     * Applies the environment: the API key from {@value DeepCurrentClient#API_KEY_ENV} and, when
     * set, the base URL from {@value DeepCurrentClient#BASE_URL_ENV}.
     *
     * @return this builder
     * @throws IllegalStateException if {@value DeepCurrentClient#API_KEY_ENV} is not set
     */
    public Builder fromEnv() {
      return fromEnv(System::getenv);
    }

    /** Applies an environment given as a lookup function (for tests). */
    Builder fromEnv(Function<String, String> env) {
      String key = env.apply(API_KEY_ENV);
      if (key == null || key.isBlank()) {
        throw new IllegalStateException(API_KEY_ENV + " is not set");
      }
      apiKey(key.strip());
      String url = env.apply(BASE_URL_ENV);
      if (url != null && !url.isBlank()) {
        baseUrl(url);
      }
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if not exactly one credential was set, or the API key does
     *     not start with {@code dc_}
     * @throws IllegalArgumentException if the base URL is not valid
     */
    public DeepCurrentClient build() {
      int kinds = (apiKey != null ? 1 : 0) + (tokenProvider != null ? 1 : 0) + (email != null ? 1 : 0);
      if (kinds == 0) {
        throw new IllegalStateException(
            "a credential is required: set apiKey, tokenProvider or login");
      }
      if (kinds > 1) {
        throw new IllegalStateException(
            "set only one credential: apiKey, tokenProvider or login");
      }
      if (apiKey != null && !(apiKey.startsWith("dc_") && apiKey.length() > 3)) {
        throw new IllegalStateException(
            "apiKey is not a DeepCurrent API key: it must start with 'dc_'");
      }
      if (apiKey != null && apiKey.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
        throw new IllegalStateException("apiKey must not contain whitespace or control characters");
      }
      ClientSettings settings = settings(DEFAULT_BASE_URL, DEFAULT_POLLING_POLICY);
      String key = apiKey;
      TokenProvider provider = tokenProvider;
      String user = email;
      String pass = password;
      Function<Transport, Auth> auth;
      String kind;
      if (key != null) {
        auth = unauthenticated -> Auth.bearer(key);
        kind = "apiKey";
      } else if (provider != null) {
        auth = unauthenticated -> Auth.tokenProvider(provider);
        kind = "tokenProvider";
      } else {
        auth =
            unauthenticated ->
                Auth.tokenProvider(new LoginTokenProvider(unauthenticated, user, pass));
        kind = "login";
      }
      ClientRuntime runtime = ClientRuntime.create(settings, auth);
      return new DeepCurrentClient(
          runtime,
          settings.baseUrl(),
          "DeepCurrentClient{baseUrl=" + settings.baseUrl() + ", credential=" + kind + "}");
    }

    /**
     * Describes the builder: base URL and kind of credential, never the credential.
     *
     * @return the description
     */
    @Override
    public String toString() {
      String kind =
          apiKey != null
              ? "apiKey"
              : tokenProvider != null ? "tokenProvider" : email != null ? "login" : "none";
      return "DeepCurrentClient.Builder{baseUrl="
          + (baseUrl != null ? baseUrl : DEFAULT_BASE_URL)
          + ", credential="
          + kind
          + "}";
    }
  }
}
