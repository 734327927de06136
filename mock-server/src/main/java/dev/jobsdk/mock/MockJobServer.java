package dev.jobsdk.mock;

import dev.jobsdk.mock.internal.Engine;
import dev.jobsdk.mock.internal.EngineConfig;
import dev.jobsdk.mock.internal.web.GeneratedTls;
import dev.jobsdk.mock.internal.web.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

/**
 * An in-memory server that implements the job APIs of DeepCurrent, DeepIDV and the CGIAR Risk
 * Intelligence Tool on one port, driven by a {@link VirtualClock}.
 *
 * <pre>{@code
 * try (MockJobServer server = MockJobServer.builder().seed(42L).start()) {
 *     server.deepIdv().nextJob(Lifecycle.succeedsAfter(Duration.ofSeconds(30)));
 *     // point a client at server.deepIdvBaseUrl() with MockCredentials.DEEPIDV_ORG_A_KEY, create a job...
 *     server.clock().advance(Duration.ofSeconds(31));
 *     // ...and its next poll shows "ready"
 * }
 * }</pre>
 *
 * <p>A job's visible state is computed from its {@link Lifecycle} and the clock when a request arrives;
 * no thread moves jobs, so the same seed and the same clock give the same responses. All randomness
 * (ids, default durations, generated results, probabilistic faults) comes from the seed.
 *
 * <p>The server binds 127.0.0.1, serves HTTP/1.1 (or HTTPS with {@link Builder#tls(boolean)}) through
 * the JDK's built-in HTTP engine on daemon threads, and is thread-safe. {@link #close()} stops it; it is cheap enough to start one per test. Besides the vendor
 * APIs it serves the mock's own admin API under {@code /__mock/} (see the README).
 */
public final class MockJobServer implements AutoCloseable {

  /** The default start of the virtual clock: the instant of the vendors' documented examples. */
  public static final Instant DEFAULT_START_TIME = Instant.parse("2026-04-08T12:00:00Z");

  private final long seed;
  private final VirtualClock clock;
  private final FaultRules faults;
  private final Engine engine;
  private final GeneratedTls tls;
  private final WebServer http;
  private final String baseUrl;

  private MockJobServer(Builder builder) throws IOException {
    this.seed = builder.seed;
    if (builder.externalClock != null) {
      this.clock = VirtualClock.following(builder.externalClock);
    } else if (builder.timeScale > 0) {
      this.clock = VirtualClock.ticking(builder.startTime, builder.timeScale);
    } else {
      this.clock = VirtualClock.startingAt(builder.startTime);
    }
    this.faults = new FaultRules(seed);
    EngineConfig config = new EngineConfig(seed, builder.deepIdvJobTtl, builder.tokenLifetime,
        builder.deepIdvCreatedAtSeconds, 100_000);
    this.engine = new Engine(config, clock, faults, faults, this::reset);
    this.engine.rateLimited(builder.rateLimits);
    this.tls = builder.tls ? GeneratedTls.generate() : null;
    this.http = WebServer.start(builder.port, engine, tls == null ? null : tls.serverContext());
    this.baseUrl = (tls == null ? "http" : "https") + "://127.0.0.1:" + http.port();
    this.engine.scheme(tls == null ? "http" : "https");
  }

  /**
   * Returns a builder with the defaults: port 0 (any free port), seed 0, a manual clock at
   * {@link #DEFAULT_START_TIME}, DeepIDV job TTL 1 hour, token lifetime 3600 seconds, DeepIDV
   * {@code createdAt} in epoch milliseconds.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the server's root URL, e.g. {@code http://127.0.0.1:54321} ({@code https://} with TLS); all
   * three vendors live under it (their paths do not collide).
   *
   * @return the base URL, without a trailing slash
   */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Returns the base URL a DeepCurrent client takes (the same as {@link #baseUrl()}; the client adds
   * {@code /api/v1/...}).
   *
   * @return the base URL
   */
  public String deepCurrentBaseUrl() {
    return baseUrl;
  }

  /**
   * Returns the base URL a DeepIDV client takes (the same as {@link #baseUrl()}; the client adds
   * {@code /v1/...}).
   *
   * @return the base URL
   */
  public String deepIdvBaseUrl() {
    return baseUrl;
  }

  /**
   * Returns the base URL a Risk tool client takes (the same as {@link #baseUrl()}; the client adds
   * {@code /api/...}).
   *
   * @return the base URL
   */
  public String riskToolBaseUrl() {
    return baseUrl;
  }

  /**
   * Returns the bound port.
   *
   * @return the port
   */
  public int port() {
    return http.port();
  }

  /**
   * Returns the certificate a server started with {@link Builder#tls(boolean)} presents: generated at
   * start, self-signed, for {@code 127.0.0.1} and {@code localhost}. Trust it, and only it, in the client
   * under test, e.g. with {@link #tlsSocketFactory()} and {@link #tlsTrustManager()}.
   *
   * @return the server's certificate
   * @throws IllegalStateException when the server does not serve TLS
   */
  public X509Certificate tlsCertificate() {
    return requireTls().certificate();
  }

  /**
   * Returns a socket factory whose connections trust this server's certificate and nothing else, for
   * an OkHttp client: {@code new OkHttpClient.Builder().sslSocketFactory(server.tlsSocketFactory(),
   * server.tlsTrustManager())}.
   *
   * @return the socket factory
   * @throws IllegalStateException when the server does not serve TLS
   */
  public SSLSocketFactory tlsSocketFactory() {
    return requireTls().clientSocketFactory();
  }

  /**
   * Returns a trust manager that trusts this server's certificate and nothing else.
   *
   * @return the trust manager
   * @throws IllegalStateException when the server does not serve TLS
   */
  public X509TrustManager tlsTrustManager() {
    return requireTls().clientTrustManager();
  }

  /**
   * Returns the server's certificate in PEM, e.g. for {@code curl --cacert}.
   *
   * @return the PEM text
   * @throws IllegalStateException when the server does not serve TLS
   */
  public String tlsCertificatePem() {
    return requireTls().certificatePem();
  }

  private GeneratedTls requireTls() {
    if (tls == null) {
      throw new IllegalStateException("this server serves plain HTTP; start it with MockJobServer.builder().tls(true)");
    }
    return tls;
  }

  /**
   * Returns the seed all randomness comes from.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the clock every request reads; advance it to move jobs along.
   *
   * @return the server's clock
   */
  public VirtualClock clock() {
    return clock;
  }

  /**
   * Returns DeepCurrent's scripts and accounts.
   *
   * @return the DeepCurrent control
   */
  public DeepCurrentControl deepCurrent() {
    return engine.deepCurrent();
  }

  /**
   * Returns DeepIDV's scripts and organisations.
   *
   * @return the DeepIDV control
   */
  public DeepIdvControl deepIdv() {
    return engine.deepIdv();
  }

  /**
   * Returns the Risk tool's scripts and users.
   *
   * @return the Risk tool control
   */
  public RiskToolControl riskTool() {
    return engine.riskTool();
  }

  /**
   * Returns a vendor-neutral view of all jobs.
   *
   * @return the jobs view
   */
  public MockJobs jobs() {
    return engine;
  }

  /**
   * Returns the fault rules.
   *
   * @return the faults
   */
  public MockFaults faults() {
    return faults;
  }

  /**
   * Returns what the server saw.
   *
   * @return the journal
   */
  public MockJournal journal() {
    return engine.journal();
  }

  /**
   * Turns the vendors' documented rate limits on or off from now on: DeepIDV 25 requests a second with
   * a burst of 35 per API key; the Risk tool 30 a minute, 5 a minute on its auth routes, its job status
   * exempt (DeepCurrent documents none). A request over a limit gets 429 with {@code Retry-After}, in
   * the vendor's error envelope, counted on the server's clock. Off unless the builder turned it on.
   *
   * @param enforced whether to enforce them
   */
  public void rateLimits(boolean enforced) {
    engine.rateLimited(enforced);
  }

  /**
   * Returns whether the vendors' documented rate limits are enforced.
   *
   * @return whether requests over a limit get 429
   */
  public boolean rateLimits() {
    return engine.rateLimited();
  }

  /**
   * Returns the server to its state after {@code start()}: no jobs, faults, scripts or journal, demo
   * accounts with their initial credits and balances, the id sequence restarted, and the clock back at
   * its start (a ticking clock drops its jumps; an external clock is left alone).
   */
  public void reset() {
    clock.resetToStart();
    faults.reset();
    engine.reset();
  }

  /** Stops the server and closes its connections. Idempotent. */
  @Override
  public void close() {
    http.close();
  }

  /**
   * Describes the server.
   *
   * @return e.g. {@code MockJobServer[http://127.0.0.1:54321, seed=0]}
   */
  @Override
  public String toString() {
    return "MockJobServer[" + baseUrl + ", seed=" + seed + "]";
  }

  /**
   * Configures and starts a {@link MockJobServer}. A builder can start any number of servers with the
   * same settings. Not thread-safe.
   */
  public static final class Builder {
    private int port;
    private long seed;
    private Clock externalClock;
    private Instant startTime = DEFAULT_START_TIME;
    private boolean startTimeSet;
    private double timeScale;
    private Duration deepIdvJobTtl = Duration.ofHours(1);
    private Duration tokenLifetime = Duration.ofSeconds(3600);
    private boolean deepIdvCreatedAtSeconds;
    private boolean rateLimits;
    private boolean tls;

    private Builder() {
    }

    /**
     * Serves HTTPS instead of HTTP, with a self-signed certificate generated at start for
     * {@code 127.0.0.1} and {@code localhost} (valid one day), so a client is tested against a real
     * {@code https} base URL. The client trusts it through {@link MockJobServer#tlsSocketFactory()} and
     * {@link MockJobServer#tlsTrustManager()}, or {@link MockJobServer#tlsCertificate()}. Needs
     * {@code com.squareup.okhttp3:okhttp-tls} on the class path (test scope) to generate the
     * certificate. Default {@code false}.
     *
     * @param tls whether to serve TLS
     * @return this builder
     */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /**
     * Sets the port. Default 0: any free port (then read {@link MockJobServer#port()}).
     *
     * @param port 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the seed of all randomness. Default 0.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Makes the server read this clock on every request instead of its own, e.g. the virtual clock of
     * an SDK test; {@link VirtualClock#advance(Duration)} then throws and the owner moves this clock.
     * Excludes {@link #startTime(Instant)} and {@link #timeScale(double)}.
     *
     * @param clock the clock to follow
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.externalClock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets where the server's own clock starts. Default {@link MockJobServer#DEFAULT_START_TIME}.
     *
     * @param startTime the initial instant
     * @return this builder
     */
    public Builder startTime(Instant startTime) {
      this.startTime = Objects.requireNonNull(startTime, "startTime");
      this.startTimeSet = true;
      return this;
    }

    /**
     * Makes the server's own clock run at real time multiplied by {@code timeScale} (the standalone
     * jar's {@code --time-scale}). Default: a manual clock that only moves when advanced.
     *
     * @param timeScale virtual seconds per real second; positive
     * @return this builder
     */
    public Builder timeScale(double timeScale) {
      if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
        throw new IllegalArgumentException("timeScale must be a positive number, was " + timeScale);
      }
      this.timeScale = timeScale;
      return this;
    }

    /**
     * Sets how long a finished DeepIDV job stays visible before it answers 404. Default 1 hour of
     * virtual time (the real TTL is not documented).
     *
     * @param ttl a positive duration
     * @return this builder
     */
    public Builder deepIdvJobTtl(Duration ttl) {
      this.deepIdvJobTtl = positive(ttl, "ttl");
      return this;
    }

    /**
     * Sets the lifetime of login tokens: the Risk tool's {@code expiresIn} and DeepCurrent JWTs.
     * Default 3600 seconds.
     *
     * @param lifetime at least one second
     * @return this builder
     */
    public Builder tokenLifetime(Duration lifetime) {
      positive(lifetime, "lifetime");
      if (lifetime.getSeconds() < 1) {
        throw new IllegalArgumentException("lifetime must be at least one second, was " + lifetime);
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    /**
     * Makes DeepIDV's {@code createdAt} epoch seconds (as the vendor's SDK tests show) instead of epoch
     * milliseconds (as its docs show). Default {@code false}: milliseconds.
     *
     * @param seconds whether to send seconds
     * @return this builder
     */
    public Builder deepIdvCreatedAtSeconds(boolean seconds) {
      this.deepIdvCreatedAtSeconds = seconds;
      return this;
    }

    /**
     * Makes the server enforce the vendors' documented rate limits (see
     * {@link MockJobServer#rateLimits(boolean)}). Default {@code false}; the standalone jar turns them on.
     *
     * @param enforced whether to enforce them
     * @return this builder
     */
    public Builder rateLimits(boolean enforced) {
      this.rateLimits = enforced;
      return this;
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + duration);
      }
      return duration;
    }

    /**
     * Starts a server with these settings.
     *
     * @return the running server
     * @throws IllegalStateException when an external clock is combined with a start time or time scale
     * @throws UncheckedIOException when the port cannot be bound
     * @throws IllegalStateException with {@link #tls(boolean)} when okhttp-tls is not on the class path
     */
    public MockJobServer start() {
      if (externalClock != null && (startTimeSet || timeScale > 0)) {
        throw new IllegalStateException("clock(..) excludes startTime(..) and timeScale(..)");
      }
      try {
        return new MockJobServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
      }
    }
  }
}
