package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.Backoff;
import java.util.Collection;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.JobGroupListener;
import dev.jobsdk.core.JobGroup;
import dev.jobsdk.core.AwaitAllOptions;
import dev.jobsdk.core.ClientBuilder;
import dev.jobsdk.core.internal.ClientSettings;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.TokenProvider;
import dev.jobsdk.core.internal.Auth;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.internal.Credentials;
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
 * <p>Credentials, exactly one of the vendor's two kinds of bearer token or a way to get them: an
 * API key ({@code dc_...}, does not expire), a JWT access token (short-lived, used as given), a
 * {@link TokenProvider}, or an email and password, with which the client logs in and renews the
 * JWT before it expires and after a 401. Every one is sent as {@code Authorization: Bearer
 * <token>}. No credential ever appears in {@code
 * toString()}, logs or exception messages.
 *
 * <p>Default polling policy of every wait ({@link #DEFAULT_POLLING_POLICY}): first poll at once,
 * then progress-aware: polls at most every 30 s while the job's reported progress puts its end
 * far off, about every 2 s as that end comes due, and 5 s growing by 1.5x to 30 s (with jitter)
 * until the progress gives a stable estimate; gives up after 2 hours. BD jobs run for minutes.
 */
public final class DeepCurrentClient implements AutoCloseable {
  /** The production API, {@value}. */
  public static final String DEFAULT_BASE_URL = "https://api.deepcurrent.app";

  /** The environment variable {@link #fromEnv()} reads an API key ({@code dc_...}) from: {@value}. */
  public static final String API_KEY_ENV = "DEEPCURRENT_API_KEY";

  /**
   * The environment variable {@link #fromEnv()} reads a JWT access token (from {@code POST
   * /api/v1/login/access-token}) from, when {@value #API_KEY_ENV} is not set: {@value}.
   */
  public static final String ACCESS_TOKEN_ENV = "DEEPCURRENT_ACCESS_TOKEN";

  /** The environment variable {@link #fromEnv()} reads an optional base URL from: {@value}. */
  public static final String BASE_URL_ENV = "DEEPCURRENT_BASE_URL";

  /**
   * The default polling policy of every wait, for BD jobs and growth runs that take minutes and
   * report their progress: the first poll at once, then {@link Backoff#progressAware
   * progress-aware} polling, which estimates the end from the percentages reported so far, polls
   * sparsely (at most every 30 s) while it is far and about every 2 s as it comes due. Until the
   * progress gives a stable estimate, polls come 5 s apart growing by 1.5x to 30 s, each delay
   * with equal jitter (between half and all of it, so that jobs started together do not poll in
   * step). Gives up after 2 hours. Unknown statuses are polled through; 5 transient poll errors in
   * a row end the wait. Override it per client with {@link Builder#pollingPolicy(PollingPolicy)}
   * or per wait.
   */
  public static final PollingPolicy DEFAULT_POLLING_POLICY =
      PollingPolicy.builder()
          .initialDelay(Duration.ZERO)
          .interval(Duration.ofSeconds(5))
          .multiplier(1.5)
          .maxInterval(Duration.ofSeconds(30))
          .jitter(PollingPolicy.Jitter.EQUAL)
          .backoff(
              Backoff.progressAware(
                  Backoff.exponential(
                      Duration.ofSeconds(5),
                      1.5,
                      Duration.ofSeconds(30),
                      PollingPolicy.Jitter.EQUAL),
                  Duration.ofSeconds(2)))
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
   * Builds a client from the environment: an API key from {@value #API_KEY_ENV} or a JWT access
   * token from {@value #ACCESS_TOKEN_ENV} (one is required), and the base URL from {@value
   * #BASE_URL_ENV} (optional; default {@value #DEFAULT_BASE_URL}).
   *
   * @return the client
   * @throws IllegalStateException if neither or both credential variables are set, or one holds
   *     the wrong kind of token
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
   * {@link #accessToken(String)}, {@link #tokenProvider(TokenProvider)} or {@link #login(String,
   * String)}; {@link #fromEnv()} reads {@value DeepCurrentClient#API_KEY_ENV} or {@value
   * DeepCurrentClient#ACCESS_TOKEN_ENV}, and {@value DeepCurrentClient#BASE_URL_ENV}. Not
   * thread-safe.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private String apiKey;
    private String accessToken;
    private TokenProvider tokenProvider;
    private String email;
    private String password;
    private String baseUrl;

    private Builder() {}

    /**
     * Authenticates with an API key, sent as {@code Authorization: Bearer dc_...}. API keys do not
     * expire.
     *
     * @param apiKey the key, starting with {@code dc_}
     * @return this builder
     * @throws IllegalArgumentException if it is blank, has characters other than visible ASCII, or
     *     does not start with {@code dc_} (a JWT access token goes to {@link #accessToken(String)})
     */
    public Builder apiKey(String apiKey) {
      Credentials.headerSafe(apiKey, "apiKey");
      if (!(apiKey.startsWith("dc_") && apiKey.length() > 3)) {
        throw new IllegalArgumentException(
            "apiKey is not a DeepCurrent API key: it must start with 'dc_'"
                + (Credentials.isJwt(apiKey) ? "; pass a JWT access token to accessToken(..)" : ""));
      }
      this.apiKey = apiKey;
      return this;
    }

    /**
     * Authenticates with a JWT access token, as {@code POST /api/v1/login/access-token} issues
     * them, sent as {@code Authorization: Bearer eyJ...}. The token is used as given and never
     * renewed: once it expires, requests fail with {@link dev.jobsdk.core.AuthenticationException}.
     * For long-running programs prefer {@link #apiKey(String)} or {@link #login(String, String)}.
     *
     * @param accessToken the token, without the {@code Bearer } prefix
     * @return this builder
     * @throws IllegalArgumentException if it is blank, has characters other than visible ASCII, or
     *     is not a JWT (three dot-separated base64url parts; a {@code dc_} key goes to {@link
     *     #apiKey(String)})
     */
    public Builder accessToken(String accessToken) {
      Credentials.headerSafe(accessToken, "accessToken");
      if (!Credentials.isJwt(accessToken)) {
        throw new IllegalArgumentException(
            "accessToken is not a JWT access token"
                + (accessToken.startsWith("dc_") ? "; pass a dc_ API key to apiKey(..)" : ""));
      }
      this.accessToken = accessToken;
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
     * Reads {@value DeepCurrentClient#API_KEY_ENV} or {@value DeepCurrentClient#ACCESS_TOKEN_ENV}
     * (exactly one must be set) and, when set, {@value DeepCurrentClient#BASE_URL_ENV}.
     *
     * @param env variable name to value, null when unset
     * @throws IllegalStateException if neither or both credential variables are set, or a value is
     *     not valid
     */
    @Override
    protected void applyEnvironment(Function<String, String> env) {
      boolean key = Credentials.variable(env, API_KEY_ENV) != null;
      boolean token = Credentials.variable(env, ACCESS_TOKEN_ENV) != null;
      if (key && token) {
        throw new IllegalStateException(
            "set either " + API_KEY_ENV + " or " + ACCESS_TOKEN_ENV + ", not both");
      }
      if (!key && !token) {
        throw new IllegalStateException(
            API_KEY_ENV + " (or " + ACCESS_TOKEN_ENV + ") is not set");
      }
      if (key && Credentials.isJwt(Credentials.variable(env, API_KEY_ENV))) {
        throw new IllegalStateException(
            API_KEY_ENV + " holds a JWT access token; set it as " + ACCESS_TOKEN_ENV + " instead");
      }
      Credentials.apply(env, API_KEY_ENV, this::apiKey);
      Credentials.apply(env, ACCESS_TOKEN_ENV, this::accessToken);
      Credentials.apply(env, BASE_URL_ENV, this::baseUrl);
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if not exactly one credential was set
     * @throws IllegalArgumentException if the base URL is not valid
     */
    public DeepCurrentClient build() {
      int kinds =
          (apiKey != null ? 1 : 0)
              + (accessToken != null ? 1 : 0)
              + (tokenProvider != null ? 1 : 0)
              + (email != null ? 1 : 0);
      if (kinds == 0) {
        throw new IllegalStateException(
            "a credential is required: set apiKey, accessToken, tokenProvider or login");
      }
      if (kinds > 1) {
        throw new IllegalStateException(
            "set only one credential: apiKey, accessToken, tokenProvider or login");
      }
      ClientSettings settings = ClientSettings.of(this, DEFAULT_BASE_URL, DEFAULT_POLLING_POLICY);
      String key = apiKey != null ? apiKey : accessToken;
      TokenProvider provider = tokenProvider;
      String user = email;
      String pass = password;
      Function<Transport, Auth> auth;
      String kind;
      if (key != null) {
        auth = unauthenticated -> Auth.bearer(key);
        kind = apiKey != null ? "apiKey" : "accessToken";
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
              : accessToken != null
                  ? "accessToken"
                  : tokenProvider != null ? "tokenProvider" : email != null ? "login" : "none";
      return "DeepCurrentClient.Builder{baseUrl="
          + (baseUrl != null ? baseUrl : DEFAULT_BASE_URL)
          + ", credential="
          + kind
          + "}";
    }
  }
}
