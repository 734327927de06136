package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.core.ClientBuilder;
import dev.jobsdk.core.ClientClosedException;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import dev.jobsdk.core.TestJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code close()} on a real client runtime (its own scheduler and HTTP client): no wait is
 * stranded. The waits poll once and would next poll in an hour, so nothing here waits for job
 * progress; the only real-time waits are for the first polls to be in flight and for close to
 * take effect.
 */
@Timeout(30)
class ClientRuntimeCloseTest {
  static final PollingPolicy HOURLY =
      PollingPolicy.builder()
          .initialDelay(Duration.ZERO)
          .interval(Duration.ofHours(1))
          .maxInterval(Duration.ofHours(1))
          .jitter(PollingPolicy.Jitter.NONE)
          .totalTimeout(Duration.ofHours(5))
          .build();

  final CountDownLatch release = new CountDownLatch(1);
  final CountDownLatch slowPollArrived = new CountDownLatch(1);

  @StartStop
  final MockWebServer server = new MockWebServer();

  ClientRuntime runtime;

  static final class Builder extends ClientBuilder<Builder> {
    ClientRuntime build(String url) {
      return ClientRuntime.create(ClientSettings.of(baseUrl(url), null, HOURLY), t -> Auth.none());
    }
  }

  @AfterEach
  void tearDown() {
    release.countDown();
    if (runtime != null) {
      runtime.close();
    }
  }

  void start() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            String id = request.getUrl().pathSegments().get(1);
            if (id.equals("slow")) {
              slowPollArrived.countDown();
              release.await(30, TimeUnit.SECONDS);
            }
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"id\":\"" + id + "\",\"state\":\"RUNNING\",\"rawStatus\":\"running\"}")
                .build();
          }
        });
    runtime = new Builder().build(server.url("/").toString());
  }

  Supplier<TestJob> poll(String id) {
    return () ->
        runtime.transport().json(ApiRequest.get("/jobs").segment("id", id).noRetry(), TestJob.class);
  }

  @Test
  void close_endsEveryWaitInFlight_blockingAndAsync_withClientClosedException() throws Exception {
    start();
    int asyncWaits = 50;
    int blockingWaits = 50;
    CountDownLatch polledOnce = new CountDownLatch(asyncWaits + blockingWaits);
    ProgressListener<JobSnapshot> counted = s -> polledOnce.countDown();

    List<CompletableFuture<TestJob>> futures = new ArrayList<>();
    for (int i = 0; i < asyncWaits; i++) {
      futures.add(runtime.awaitAsync("a" + i, poll("a" + i), null, counted));
    }
    List<CompletableFuture<Throwable>> blockingOutcomes = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < blockingWaits; i++) {
      String id = "b" + i;
      CompletableFuture<Throwable> outcome = new CompletableFuture<>();
      blockingOutcomes.add(outcome);
      Thread t =
          new Thread(
              () -> {
                try {
                  runtime.await(id, poll(id), null, counted);
                  outcome.complete(null);
                } catch (Throwable e) {
                  outcome.complete(e);
                }
              });
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    // One more wait whose poll hangs on the server: close must not wait for it either.
    CompletableFuture<TestJob> hung = runtime.awaitAsync("slow", poll("slow"), null, null);
    assertThat(polledOnce.await(20, TimeUnit.SECONDS)).as("every wait polled once").isTrue();
    assertThat(slowPollArrived.await(20, TimeUnit.SECONDS)).isTrue();
    assertThat(runtime.liveWaits()).isEqualTo(asyncWaits + blockingWaits + 1);

    runtime.close();

    futures.add(hung);
    for (CompletableFuture<TestJob> f : futures) {
      assertThat(failureOf(f)).isInstanceOf(ClientClosedException.class)
          .hasMessageContaining("The client was closed");
    }
    for (CompletableFuture<Throwable> outcome : blockingOutcomes) {
      assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(ClientClosedException.class);
    }
    for (Thread t : threads) {
      t.join(5_000);
      assertThat(t.isAlive()).isFalse();
    }
    assertThat(runtime.liveWaits()).isZero();
  }

  @Test
  void callsAfterClose_failWithClientClosedException_beforeAnyRequest() throws Exception {
    start();
    runtime.close();
    runtime.close(); // idempotent
    int before = server.getRequestCount();

    assertThatThrownBy(() -> poll("x").get())
        .isInstanceOf(ClientClosedException.class)
        .hasMessageContaining("GET /jobs/x");
    assertThatThrownBy(() -> runtime.await("x", poll("x"), null, null))
        .isInstanceOf(ClientClosedException.class)
        .hasMessageContaining("job x");
    assertThatThrownBy(() -> runtime.awaitAsync("x", poll("x"), null, null))
        .isInstanceOf(ClientClosedException.class);
    assertThat(server.getRequestCount()).isEqualTo(before);
    assertThat(runtime.liveWaits()).isZero();
  }

  private static Throwable failureOf(CompletableFuture<?> f)
      throws InterruptedException, TimeoutException {
    try {
      f.get(5, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
