package dev.jobsdk.mock.junit;

import dev.jobsdk.mock.MockJobServer;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension that gives every test a fresh {@link MockJobServer}. It works with JUnit
 * Jupiter 5.10 and every later 5.x and 6.x release: it is compiled against the 5.10 API and uses nothing
 * added since.
 *
 * <p>Declaratively, with the defaults, and the server as a parameter of the test method, a lifecycle
 * method or the test class constructor:
 * <pre>{@code
 * @ExtendWith(MockJobServerExtension.class)
 * class PollingTest {
 *     @Test
 *     void completes(MockJobServer server) { ... }
 * }
 * }</pre>
 * Programmatically, with options, and the server also available from {@link #server()}:
 * <pre>{@code
 * @RegisterExtension
 * static final MockJobServerExtension MOCK = MockJobServerExtension.builder().seed(7).build();
 *
 * @Test
 * void completes() { MockJobServer server = MOCK.server(); ... }
 * }</pre>
 *
 * <p>Each test gets its own server, started before it and closed after it, so tests (including
 * {@code @Nested} ones, which share their enclosing test's server, and parallel test classes and methods)
 * never see each other's jobs, faults, clock or journal. With {@code @TestInstance(PER_CLASS)} a server
 * injected into the constructor or a {@code @BeforeAll} method is shared by the class and
 * {@link MockJobServer#reset() reset} before each test; do not run such a class's methods concurrently.
 * The extension holds no static state.
 */
public final class MockJobServerExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final String KEY = "server";
  private static final String ORPHANS = "servers made for test instances";

  private final Settings settings;
  private final ExtensionContext.Namespace namespace;
  /** The servers of the tests running on each thread; nested extension use pushes more than one. */
  private final ThreadLocal<Deque<MockJobServer>> current = ThreadLocal.withInitial(ArrayDeque::new);
  /**
   * A server made for a test instance's constructor before its test started. JUnit before 5.12 (and
   * later ones by default) resolves constructor parameters of a per-method test instance with the class's
   * context; the instance is then made on the thread that runs the test, just before the test's
   * {@code beforeEach}, which adopts this server as the test's own.
   */
  private final ThreadLocal<Holder> pending = new ThreadLocal<>();

  private record Settings(int port, Long seed, Supplier<? extends Clock> clock, Instant startTime,
      Duration deepIdvJobTtl, Duration tokenLifetime, Boolean deepIdvCreatedAtSeconds, boolean rateLimits,
      boolean tls) {
  }

  /**
   * A server kept in a JUnit store; closed with the store's context when owned by it. JUnit 5.10 closes
   * store values that are {@code CloseableResource}s, later versions prefer {@code AutoCloseable}: it is
   * both, and closing twice is harmless.
   */
  private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final MockJobServer server;
    private final boolean classLevel;

    Holder(MockJobServer server, boolean classLevel) {
      this.server = server;
      this.classLevel = classLevel;
    }

    MockJobServer server() {
      return server;
    }

    boolean classLevel() {
      return classLevel;
    }

    @Override
    public void close() {
      server.close();
    }
  }

  /**
   * Servers made for constructors whose test never started (the instantiation failed); closed with the
   * class.
   */
  private static final class Orphans implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final Deque<Holder> holders = new ConcurrentLinkedDeque<>();

    @Override
    public void close() {
      Holder holder;
      while ((holder = holders.poll()) != null) {
        holder.close();
      }
    }
  }

  /** Creates the extension with the server defaults; used by {@code @ExtendWith}. */
  public MockJobServerExtension() {
    this(new Settings(0, null, null, null, null, null, null, false, false));
  }

  private MockJobServerExtension(Settings settings) {
    this.settings = settings;
    this.namespace = ExtensionContext.Namespace.create(MockJobServerExtension.class, this);
  }

  /**
   * Returns a builder with the same options as {@link MockJobServer#builder()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the server of the test running on the calling thread.
   *
   * @return the current test's server
   * @throws IllegalStateException outside a test (then take the server as a parameter instead)
   */
  public MockJobServer server() {
    MockJobServer server = current.get().peek();
    if (server == null) {
      throw new IllegalStateException("no test of this extension runs on this thread; "
          + "declare a MockJobServer parameter instead");
    }
    return server;
  }

  /**
   * Starts (or, for a class-wide server, resets) the test's server.
   *
   * @param context the test's context
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(namespace);
    Holder holder = store.get(KEY, Holder.class);
    Holder made = pending.get();
    pending.remove();
    if (made != null) {
      Orphans orphans = store.get(ORPHANS, Orphans.class);
      if (orphans != null) {
        orphans.holders.remove(made);
      }
    }
    if (holder == null) {
      holder = made != null ? made : new Holder(newServer(), false);
      store.put(KEY, holder);
    } else if (made != null) {
      made.close();
    }
    if (holder.classLevel()) {
      holder.server().reset();
    }
    current.get().push(holder.server());
  }

  /**
   * Closes the test's own server.
   *
   * @param context the test's context
   */
  @Override
  public void afterEach(ExtensionContext context) {
    Deque<MockJobServer> stack = current.get();
    if (!stack.isEmpty()) {
      stack.pop();
    }
    if (stack.isEmpty()) {
      current.remove();
    }
    ExtensionContext.Store store = context.getStore(namespace);
    Holder holder = store.get(KEY, Holder.class);
    if (holder != null && !holder.classLevel()) {
      store.remove(KEY, Holder.class);
      holder.close();
    }
  }

  /**
   * Supports parameters of type {@link MockJobServer}.
   *
   * @param parameterContext the parameter
   * @param extensionContext the context
   * @return whether the parameter is a {@code MockJobServer}
   */
  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == MockJobServer.class;
  }

  /**
   * Returns the test's server, starting it if needed.
   *
   * @param parameterContext the parameter
   * @param extensionContext the context
   * @return the server
   */
  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    ExtensionContext.Store store = extensionContext.getStore(namespace);
    Holder holder = store.get(KEY, Holder.class);
    if (holder != null) {
      return holder.server();
    }
    if (extensionContext.getTestMethod().isPresent()) {
      holder = new Holder(newServer(), false);
      store.put(KEY, holder);
      return holder.server();
    }
    boolean perClass = extensionContext.getTestInstanceLifecycle()
        .map(lifecycle -> lifecycle == TestInstance.Lifecycle.PER_CLASS).orElse(false);
    if (perClass || !(parameterContext.getDeclaringExecutable() instanceof Constructor<?>)) {
      holder = new Holder(newServer(), true);
      store.put(KEY, holder);
      return holder.server();
    }
    // A per-method instance built with the class's context: the server belongs to the test about to
    // run on this thread (an enclosing and a @Nested instance of one test share it).
    holder = pending.get();
    if (holder == null) {
      holder = new Holder(newServer(), false);
      pending.set(holder);
      store.getOrComputeIfAbsent(ORPHANS, key -> new Orphans(), Orphans.class).holders.add(holder);
    }
    return holder.server();
  }

  private MockJobServer newServer() {
    MockJobServer.Builder builder = MockJobServer.builder().port(settings.port());
    if (settings.seed() != null) {
      builder.seed(settings.seed());
    }
    if (settings.clock() != null) {
      builder.clock(Objects.requireNonNull(settings.clock().get(), "the clock supplier returned null"));
    }
    if (settings.startTime() != null) {
      builder.startTime(settings.startTime());
    }
    if (settings.deepIdvJobTtl() != null) {
      builder.deepIdvJobTtl(settings.deepIdvJobTtl());
    }
    if (settings.tokenLifetime() != null) {
      builder.tokenLifetime(settings.tokenLifetime());
    }
    if (settings.deepIdvCreatedAtSeconds() != null) {
      builder.deepIdvCreatedAtSeconds(settings.deepIdvCreatedAtSeconds());
    }
    return builder.rateLimits(settings.rateLimits()).tls(settings.tls()).start();
  }

  /** Builds a {@link MockJobServerExtension}; options as in {@link MockJobServer.Builder}. */
  public static final class Builder {
    private int port;
    private Long seed;
    private Supplier<? extends Clock> clock;
    private Instant startTime;
    private Duration deepIdvJobTtl;
    private Duration tokenLifetime;
    private Boolean deepIdvCreatedAtSeconds;
    private boolean rateLimits;
    private boolean tls;

    private Builder() {
    }

    /**
     * Sets the port. Default 0 (any free port); a fixed port cannot serve parallel tests.
     *
     * @param port 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      MockJobServer.builder().port(port);
      this.port = port;
      return this;
    }

    /**
     * Sets the seed. Default 0.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Makes each server follow a clock obtained from this supplier when the server starts (once per
     * test), e.g. the virtual clock of the SDK under test.
     *
     * @param clock supplies the clock to follow
     * @return this builder
     */
    public Builder clock(Supplier<? extends Clock> clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets where each server's own clock starts. Default {@link MockJobServer#DEFAULT_START_TIME}.
     *
     * @param startTime the initial instant
     * @return this builder
     */
    public Builder startTime(Instant startTime) {
      this.startTime = Objects.requireNonNull(startTime, "startTime");
      return this;
    }

    /**
     * Sets DeepIDV's job TTL. Default 1 hour.
     *
     * @param ttl a positive duration
     * @return this builder
     */
    public Builder deepIdvJobTtl(Duration ttl) {
      MockJobServer.builder().deepIdvJobTtl(ttl);
      this.deepIdvJobTtl = ttl;
      return this;
    }

    /**
     * Sets the login tokens' lifetime. Default 3600 seconds.
     *
     * @param lifetime at least one second
     * @return this builder
     */
    public Builder tokenLifetime(Duration lifetime) {
      MockJobServer.builder().tokenLifetime(lifetime);
      this.tokenLifetime = lifetime;
      return this;
    }

    /**
     * Makes DeepIDV's {@code createdAt} epoch seconds instead of milliseconds.
     *
     * @param seconds whether to send seconds
     * @return this builder
     */
    public Builder deepIdvCreatedAtSeconds(boolean seconds) {
      this.deepIdvCreatedAtSeconds = seconds;
      return this;
    }

    /**
     * Makes each server enforce the vendors' documented rate limits (429 with {@code Retry-After}).
     * Default {@code false}: tests poll as fast as their virtual clock allows.
     *
     * @param enforced whether to enforce them
     * @return this builder
     */
    public Builder rateLimits(boolean enforced) {
      this.rateLimits = enforced;
      return this;
    }

    /**
     * Makes each server serve HTTPS with a generated certificate, as
     * {@link MockJobServer.Builder#tls(boolean)}; the client under test trusts it through
     * {@link MockJobServer#tlsSocketFactory()} and {@link MockJobServer#tlsTrustManager()}. Needs
     * {@code com.squareup.okhttp3:okhttp-tls} on the test class path. Default {@code false}.
     *
     * @param tls whether to serve TLS
     * @return this builder
     */
    public Builder tls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /**
     * Builds the extension.
     *
     * @return the extension
     * @throws IllegalStateException when a clock supplier is combined with a start time
     */
    public MockJobServerExtension build() {
      if (clock != null && startTime != null) {
        throw new IllegalStateException("clock(..) excludes startTime(..)");
      }
      return new MockJobServerExtension(
          new Settings(port, seed, clock, startTime, deepIdvJobTtl, tokenLifetime, deepIdvCreatedAtSeconds,
              rateLimits, tls));
    }
  }
}
