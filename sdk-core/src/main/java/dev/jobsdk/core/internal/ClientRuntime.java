package dev.jobsdk.core.internal;

import dev.jobsdk.core.AwaitAllOptions;
import dev.jobsdk.core.JobGroup;
import dev.jobsdk.core.JobGroupListener;
import dev.jobsdk.core.JobHandle;
import dev.jobsdk.core.JobScheduler;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * What a vendor client stands on: its transport, scheduler and poller, built from the builder's
 * settings, and released together by {@link #close()}.
 */
public final class ClientRuntime implements AutoCloseable {
  private final Transport transport;
  private final JobScheduler scheduler;
  private final Poller poller;
  private final PollingPolicy defaultPolicy;
  private final OkHttpClient ownedHttp;
  private final DefaultJobScheduler ownedScheduler;
  private final Lifecycle lifecycle;

  private ClientRuntime(
      Transport transport,
      JobScheduler scheduler,
      PollingPolicy defaultPolicy,
      OkHttpClient ownedHttp,
      DefaultJobScheduler ownedScheduler,
      Lifecycle lifecycle,
      RateBudget budget,
      Executor completions) {
    this.transport = transport;
    this.scheduler = scheduler;
    this.lifecycle = lifecycle;
    String host = transport.baseUrl().host();
    Poller poller =
        new Poller(scheduler, () -> ThreadLocalRandom.current().nextDouble(), lifecycle)
            .completeOn(completions)
            .gate(budget.gate(host, () -> ThreadLocalRandom.current().nextDouble()));
    if (ownedScheduler != null) {
      // Lateness means something only on the client's own real-time scheduler (see watchLag).
      poller.watchLag(
          () ->
              ownedScheduler.pollsInFlight()
                  + " polls in flight and "
                  + ownedScheduler.pollsQueued()
                  + " due polls queued (maxConcurrentPolls "
                  + ownedScheduler.maxConcurrentPolls()
                  + (ownedScheduler.virtualThreads() ? ", virtual threads" : "")
                  + ")");
    }
    this.poller = poller;
    this.defaultPolicy = defaultPolicy;
    this.ownedHttp = ownedHttp;
    this.ownedScheduler = ownedScheduler;
  }

  /**
   * Builds the runtime.
   *
   * @param settings the builder's settings
   * @param auth makes the client's credential; it receives an unauthenticated transport for
   *     login calls
   * @return the runtime
   */
  public static ClientRuntime create(ClientSettings settings, Function<Transport, Auth> auth) {
    DefaultJobScheduler ownedScheduler =
        settings.scheduler().isPresent()
            ? null
            : new DefaultJobScheduler(
                Clock.systemUTC(),
                settings.maxConcurrentPolls(),
                settings.pollExecutor().orElse(null),
                settings.completionExecutor().orElse(null));
    JobScheduler scheduler = settings.scheduler().orElse(ownedScheduler);
    OkHttpClient.Builder http =
        settings.okHttpClient().map(OkHttpClient::newBuilder).orElseGet(OkHttpClient.Builder::new);
    if (settings.okHttpClient().isEmpty()) {
      // Size the client's own HTTP client to its poll concurrency: OkHttp's defaults keep only 5
      // idle connections, so thousands of waits would reconnect for most polls.
      int concurrency = settings.maxConcurrentPolls();
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(concurrency);
      dispatcher.setMaxRequestsPerHost(concurrency);
      http.dispatcher(dispatcher).connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES));
      // Connect on the calling poll thread (virtual on JDK 21+), trying the host's addresses in
      // the order the resolver gives them (IPv4 first by the JDK's default). OkHttp's fast fallback
      // races them on threads of its own TaskRunner instead: a burst of new connections, as when
      // thousands of waits start, made up to 17 extra platform threads, which on JDK 17 pushed a
      // client past 256. A shared OkHttpClient keeps its own setting.
      http.fastFallback(false);
    }
    http.connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.readTimeout())
        .callTimeout(settings.callTimeout())
        // OkHttp would silently resend a non-idempotent POST on a stale connection; the
        // transport's own retry decides what is safe to send twice.
        .retryOnConnectionFailure(false)
        // OkHttp strips only Authorization when a redirect changes host: x-api-key would go
        // along. Redirects are followed by SameOriginRedirects alone, and only on one origin.
        .followRedirects(false)
        .followSslRedirects(false);
    if (http.interceptors().stream().noneMatch(i -> i instanceof SameOriginRedirects)) {
      http.addInterceptor(new SameOriginRedirects());
    }
    OkHttpClient client = http.build();
    Lifecycle lifecycle = new Lifecycle();
    RateBudget budget = new RateBudget(scheduler.clock(), settings.maxRequestsPerSecond());
    Transport unauthenticated =
        new Transport(
            HttpUrl.get(settings.baseUrl()),
            client,
            Auth.none(),
            scheduler,
            settings.retryPolicy(),
            () -> ThreadLocalRandom.current().nextDouble(),
            lifecycle,
            budget)
            .limitResponseBodies(settings.maxResponseBytes());
    Transport transport = unauthenticated.withAuth(auth.apply(unauthenticated));
    Executor completions =
        settings
            .completionExecutor()
            .orElse(ownedScheduler != null ? ownedScheduler.completionExecutor() : Runnable::run);
    return new ClientRuntime(
        transport,
        scheduler,
        settings.pollingPolicy(),
        settings.okHttpClient().isPresent() ? null : client,
        ownedScheduler,
        lifecycle,
        budget,
        completions);
  }

  /**
   * Returns the authenticated transport.
   *
   * @return the transport
   */
  public Transport transport() {
    return transport;
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
   * Returns the client's default polling policy.
   *
   * @return the policy
   */
  public PollingPolicy defaultPolicy() {
    return defaultPolicy;
  }

  /**
   * Waits on the calling thread (see {@link Poller#await}).
   *
   * @param jobId the job
   * @param poll fetches one snapshot
   * @param policy the policy, or null for the client's default
   * @param listener the listener, or null
   * @param <S> the snapshot type
   * @return the terminal snapshot of a successful job
   */
  public <S extends JobSnapshot> S await(
      String jobId, Supplier<S> poll, PollingPolicy policy, ProgressListener<? super S> listener) {
    return poller.await(jobId, poll, policy != null ? policy : defaultPolicy, listener);
  }

  /**
   * Waits asynchronously (see {@link Poller#awaitAsync}).
   *
   * @param jobId the job
   * @param poll fetches one snapshot
   * @param policy the policy, or null for the client's default
   * @param listener the listener, or null
   * @param <S> the snapshot type
   * @return a future of the terminal snapshot of a successful job
   */
  public <S extends JobSnapshot> CompletableFuture<S> awaitAsync(
      String jobId, Supplier<S> poll, PollingPolicy policy, ProgressListener<? super S> listener) {
    return poller.awaitAsync(jobId, poll, policy != null ? policy : defaultPolicy, listener);
  }

  /**
   * Awaits a set of jobs together (see {@link JobGroup}).
   *
   * @param jobs the jobs
   * @param options the options
   * @param listener the listener
   * @param <S> the snapshot type
   * @param <R> the result type
   * @return the group, its waits started
   */
  public <S extends JobSnapshot, R> JobGroup<S, R> awaitAll(
      Collection<? extends JobHandle<S, R>> jobs,
      AwaitAllOptions options,
      JobGroupListener<S, R> listener) {
    lifecycle.checkOpen("awaitAll");
    return DefaultJobGroup.start(scheduler, defaultPolicy, jobs, options, listener);
  }

  /**
   * Awaits a set of jobs named by id (see {@link JobGroup}).
   *
   * @param ids the job ids
   * @param handleOf the service's {@code handle} method
   * @param <S> the snapshot type
   * @param <R> the result type
   * @return the group, its waits started
   */
  public <S extends JobSnapshot, R> JobGroup<S, R> awaitAllIds(
      Collection<String> ids, Function<String, ? extends JobHandle<S, R>> handleOf) {
    Checks.notNull(ids, "ids");
    Checks.notNull(handleOf, "handleOf");
    List<JobHandle<S, R>> handles = new ArrayList<>(ids.size());
    int i = 0;
    for (String id : ids) {
      if (id == null) {
        throw new IllegalArgumentException("ids[" + i + "] must not be null");
      }
      handles.add(handleOf.apply(id));
      i++;
    }
    return awaitAll(handles, AwaitAllOptions.defaults(), JobGroupListener.none());
  }

  /**
   * Returns whether {@link #close()} was called.
   *
   * @return true once closed
   */
  public boolean isClosed() {
    return lifecycle.isClosed();
  }

  /**
   * Returns how many waits are in flight.
   *
   * @return the count
   */
  public int liveWaits() {
    return poller.liveWaits();
  }

  /**
   * Closes the client: every wait in flight ends at once with a {@link
   * dev.jobsdk.core.ClientClosedException} (blocking and asynchronous alike), later calls fail
   * with it, client-owned HTTP calls in flight are cancelled, and the client-owned scheduler,
   * threads and connections are released. Idempotent.
   */
  @Override
  public void close() {
    poller.close();
    if (ownedHttp != null) {
      ownedHttp.dispatcher().cancelAll();
    }
    if (ownedScheduler != null) {
      ownedScheduler.close();
    }
    if (ownedHttp != null) {
      ownedHttp.dispatcher().executorService().shutdown();
      ownedHttp.connectionPool().evictAll();
    }
  }
}
