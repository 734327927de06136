package dev.jobsdk.jobs;

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
import dev.jobsdk.core.internal.Auth;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.internal.Credentials;
import dev.jobsdk.core.internal.ClientRuntime;
import dev.jobsdk.core.internal.Redaction;
import dev.jobsdk.core.internal.Transport;
import dev.jobsdk.jobs.internal.AssessmentServiceImpl;
import dev.jobsdk.jobs.internal.JobServiceImpl;
import dev.jobsdk.jobs.internal.LoginTokenProvider;
import dev.jobsdk.jobs.internal.PromptServiceImpl;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Client for the CGIAR Risk Intelligence Tool's background jobs.
 *
 * <pre>{@code
 * try (JobsClient client = JobsClient.builder()
 *     .baseUrl("https://risk.example.org")
 *     .login("analyst@example.org", password)
 *     .build()) {
 *   Job job = client.assessments().generateReport(assessmentId).awaitCompletion();
 *   URI pdf = job.reportGenerationResult().orElseThrow().downloadUrl();
 * }
 * }</pre>
 *
 * <p>Create one client and share it: it is thread-safe, and each instance holds a connection pool,
 * a scheduler thread and, with {@link Builder#login login}, a cached access token. {@link
 * #close()} releases them. The vendor publishes no production host, so the base URL is required
 * (the server's root; the SDK adds {@code /api}).
 *
 * <p>Credentials are either a static bearer token ({@link Builder#token}) or an email and password
 * ({@link Builder#login}): the client then logs in on its first request, renews the access token
 * before it expires and after a 401 (so a wait may outlive any one token), and logs in again when
 * the refresh token is rejected.
 */
public final class JobsClient implements AutoCloseable {

  /**
   * The default polling policy: first poll at once, then every 3 s growing by 1.2× per poll up to
   * 10 s (equal jitter), for at most 15 minutes in all. The vendor's web client polls every 3 s
   * and gives up after 100 polls (200, about 10 minutes, for document parsing); this policy
   * starts as eagerly, backs off for long jobs, and leaves room for the slowest parse. The delays
   * are {@link Backoff#progressAware progress-aware}: a job that carries a completion percentage
   * is polled from the estimate of its end (about every 2 s near it); the tool's jobs report none
   * today (only a retry message), so they are polled on the schedule above.
   */
  public static final PollingPolicy DEFAULT_POLLING_POLICY =
      PollingPolicy.builder()
          .initialDelay(Duration.ZERO)
          .interval(Duration.ofSeconds(3))
          .multiplier(1.2)
          .maxInterval(Duration.ofSeconds(10))
          .jitter(PollingPolicy.Jitter.EQUAL)
          .backoff(
              Backoff.progressAware(
                  Backoff.exponential(
                      Duration.ofSeconds(3), 1.2, Duration.ofSeconds(10), PollingPolicy.Jitter.EQUAL),
                  Duration.ofSeconds(2)))
          .totalTimeout(Duration.ofMinutes(15))
          .build();

  /** The environment variable holding the base URL. */
  public static final String BASE_URL_ENV = "JOBS_BASE_URL";

  /** The environment variable holding a bearer token. */
  public static final String TOKEN_ENV = "JOBS_TOKEN";

  /** The environment variable holding the login email (with {@link #PASSWORD_ENV}). */
  public static final String EMAIL_ENV = "JOBS_EMAIL";

  /** The environment variable holding the login password (with {@link #EMAIL_ENV}). */
  public static final String PASSWORD_ENV = "JOBS_PASSWORD";

  private final ClientRuntime runtime;
  private final String baseUrl;
  private final String credentialKind;
  private final JobService jobs;
  private final PromptService prompts;
  private final AssessmentService assessments;

  private JobsClient(
      ClientSettings settings, Function<Transport, Auth> auth, String credentialKind) {
    this.runtime = ClientRuntime.create(settings, auth);
    this.baseUrl = settings.baseUrl();
    this.credentialKind = credentialKind;
    JobServiceImpl jobService = new JobServiceImpl(runtime);
    this.jobs = jobService;
    this.prompts = new PromptServiceImpl(runtime, jobService);
    this.assessments = new AssessmentServiceImpl(runtime, jobService);
  }

  /**
   * Starts a builder.
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a client from the environment: {@value #BASE_URL_ENV} and either {@value #TOKEN_ENV} or
   * both {@value #EMAIL_ENV} and {@value #PASSWORD_ENV}.
   *
   * @return the client
   * @throws IllegalStateException if a variable is missing, or both kinds of credential are set
   */
  public static JobsClient fromEnv() {
    return fromEnv(System::getenv);
  }

  /**
   * Builds a client from the given variables instead of the process environment (for tests).
   *
   * @param env variable name to value
   * @return the client
   */
  static JobsClient fromEnv(Map<String, String> env) {
    return fromEnv(env::get);
  }

  private static JobsClient fromEnv(Function<String, String> env) {
    Credentials.require(env, BASE_URL_ENV);
    return builder().fromEnv(env).build();
  }

  /**
   * Returns the service that reads and awaits jobs.
   *
   * @return the job service
   */
  public JobService jobs() {
    return jobs;
  }

  /**
   * Returns the service that starts prompt previews.
   *
   * @return the prompt service
   */
  public PromptService prompts() {
    return prompts;
  }

  /**
   * Returns the service that starts an assessment's jobs.
   *
   * @return the assessment service
   */
  public AssessmentService assessments() {
    return assessments;
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

  @Override
  public String toString() {
    return "JobsClient[baseUrl=" + baseUrl + ", credential=" + credentialKind + "]";
  }

  /**
   * Builds a {@link JobsClient}. Set the base URL and exactly one kind of credential: {@link
   * #token(String)} or {@link #login(String, String)}. The shared settings (timeouts, retries,
   * polling policy, HTTP client, scheduler) are documented on {@link ClientBuilder}.
   */
  public static final class Builder extends ClientBuilder<Builder> {
    private String token;
    private String email;
    private String password;
    private String newPassword;

    private Builder() {}

    /**
     * Authenticates every request with a fixed bearer token (a Cognito access token). The token
     * is not renewed: once it expires, requests fail with an {@code AuthenticationException}. Use
     * {@link #login} for long-running programs.
     *
     * @param token the access token, without the {@code Bearer } prefix
     * @return this builder
     */
    public Builder token(String token) {
      this.token = Credentials.headerSafe(token, "token");
      return this;
    }

    /**
     * Logs in with an email and password ({@code POST /api/auth/login}) on the first request and
     * keeps the access token fresh from then on. An account that must still change its first
     * password fails with a {@link PasswordChangeRequiredException}.
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
     * Sets the password to complete the server's first-login challenge with. An account an
     * administrator created must choose its own password before it may use the API: the server
     * answers its login with a {@code requiresPasswordChange} challenge. With this set, the client
     * answers the challenge ({@code POST /api/auth/complete-password-change}) with {@code
     * newPassword}, goes on with the tokens that returns, and logs in with {@code newPassword}
     * from then on; a later process that still starts with the old password falls back to {@code
     * newPassword} when the old one is refused. Without it, the challenge is a {@link
     * PasswordChangeRequiredException}. Requires {@link #login(String, String)}.
     *
     * @param newPassword the password to set, meeting the server's password policy
     * @return this builder
     */
    public Builder newPassword(String newPassword) {
      this.newPassword = Checks.notBlank(newPassword, "newPassword");
      return this;
    }

    /**
     * Applies {@value JobsClient#BASE_URL_ENV} if it is set (otherwise the base URL stays as set on
     * this builder), and {@value JobsClient#TOKEN_ENV} or {@value JobsClient#EMAIL_ENV} with
     * {@value JobsClient#PASSWORD_ENV}.
     *
     * @param env variable name to value, null when unset
     * @throws IllegalStateException if no credential variables are set, both kinds are, or only
     *     one of email and password is
     */
    @Override
    protected void applyEnvironment(Function<String, String> env) {
      String envToken = Credentials.variable(env, TOKEN_ENV);
      String envEmail = Credentials.variable(env, EMAIL_ENV);
      String envPassword = Credentials.variable(env, PASSWORD_ENV);
      boolean login = envEmail != null || envPassword != null;
      if (envToken != null && login) {
        throw new IllegalStateException(
            "Set either " + TOKEN_ENV + " or " + EMAIL_ENV + " and " + PASSWORD_ENV + ", not both");
      }
      if (login && (envEmail == null || envPassword == null)) {
        throw new IllegalStateException(
            (envEmail == null ? EMAIL_ENV : PASSWORD_ENV)
                + " is not set; "
                + EMAIL_ENV
                + " and "
                + PASSWORD_ENV
                + " go together");
      }
      if (envToken == null && !login) {
        throw new IllegalStateException(
            TOKEN_ENV + " (or " + EMAIL_ENV + " and " + PASSWORD_ENV + ") is not set");
      }
      Credentials.apply(env, BASE_URL_ENV, this::baseUrl);
      if (!Credentials.apply(env, TOKEN_ENV, this::token)) {
        login(envEmail, envPassword);
      }
    }

    /**
     * Builds the client. It sends nothing yet: a login happens on the first request.
     *
     * @return the client
     * @throws IllegalStateException if the base URL or the credential is missing, or both a token
     *     and a login were set
     * @throws IllegalArgumentException if the base URL is not valid
     */
    public JobsClient build() {
      ClientSettings settings = ClientSettings.of(this, null, DEFAULT_POLLING_POLICY);
      if (token != null && email != null) {
        throw new IllegalStateException("Set either token(..) or login(..), not both");
      }
      if (token == null && email == null) {
        throw new IllegalStateException("token or login(email, password) is required");
      }
      if (newPassword != null && email == null) {
        throw new IllegalStateException("newPassword(..) needs login(email, password)");
      }
      if (token != null) {
        String t = token;
        return new JobsClient(settings, unauthenticated -> Auth.bearer(t), "bearer token");
      }
      String e = email;
      String p = password;
      String np = newPassword;
      return new JobsClient(
          settings,
          unauthenticated ->
              Auth.tokenProvider(new LoginTokenProvider(unauthenticated, e, p, np)),
          "login");
    }

    @Override
    public String toString() {
      return "JobsClient.Builder[credential="
          + (token != null ? "bearer token " + Redaction.REDACTED : "")
          + (email != null ? (token != null ? " and " : "") + "login " + Redaction.REDACTED : "")
          + (token == null && email == null ? "none" : "")
          + "]";
    }
  }
}
