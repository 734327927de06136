package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jobsdk.core.ClientBuilder;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.RateLimitException;
import dev.jobsdk.core.RetryPolicy;
import dev.jobsdk.core.TestJob;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client's one rate budget, end to end over HTTP, on virtual time. */
@Timeout(20)
class RateBudgetClientTest {
  static final PollingPolicy EVERY_5S =
      PollingPolicy.builder()
          .initialDelay(Duration.ZERO)
          .interval(Duration.ofSeconds(5))
          .multiplier(1)
          .maxInterval(Duration.ofSeconds(5))
          .jitter(PollingPolicy.Jitter.NONE)
          .totalTimeout(Duration.ofHours(1))
          .build();

  @StartStop final MockWebServer server = new MockWebServer();
  final VirtualScheduler time = VirtualScheduler.create();
  final List<Instant> requests = new CopyOnWriteArrayList<>();
  final Map<String, AtomicInteger> pollsPerJob = new ConcurrentHashMap<>();
  final AtomicBoolean rateLimitNext = new AtomicBoolean();
  ClientRuntime runtime;

  static final class Builder extends ClientBuilder<Builder> {
    ClientRuntime build(String url) {
      return ClientRuntime.create(ClientSettings.of(baseUrl(url), null, EVERY_5S), t -> Auth.none());
    }
  }

  @AfterEach
  void close() {
    if (runtime != null) {
      runtime.close();
    }
  }

  void start(Builder builder) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            requests.add(time.now());
            if (rateLimitNext.getAndSet(false)) {
              return new MockResponse.Builder().code(429).addHeader("Retry-After", "30").build();
            }
            String id = request.getUrl().pathSegments().get(1);
            int n = pollsPerJob.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            String state = n >= 3 ? "SUCCEEDED" : "RUNNING";
            return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"id\":\"" + id + "\",\"state\":\"" + state + "\",\"rawStatus\":\"x\"}")
                .build();
          }
        });
    runtime = builder.scheduler(time).build(server.url("/").toString());
  }

  TestJob poll(String id) {
    return runtime.transport().json(ApiRequest.get("/jobs").segment("id", id).noRetry(), TestJob.class);
  }

  @Test
  void oneRateLimitedPoll_holdsBackEveryWaitOfTheClient_untilRetryAfter() {
    start(new Builder());
    Instant t0 = time.now();
    rateLimitNext.set(true);
    List<CompletableFuture<TestJob>> waits = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String id = "j" + i;
      waits.add(runtime.awaitAsync(id, () -> poll(id), null, null));
    }
    time.advance(Duration.ofSeconds(29));
    assertThat(requests).as("only the poll that met the 429 was sent").hasSize(1);

    time.advance(Duration.ofMinutes(2));
    assertThat(waits).allSatisfy(f -> assertThat(f).isCompletedWithValueMatching(j -> j.state().isTerminal()));
    assertThat(requests).hasSize(1 + 20 * 3);
    assertThat(requests.subList(1, requests.size()))
        .allSatisfy(at -> assertThat(at).isAfterOrEqualTo(t0.plusSeconds(30)));
  }

  @Test
  void singleCall_duringAHoldBeyondItsDeadline_failsWithRateLimitException_withoutARequest() {
    start(new Builder().retryPolicy(RetryPolicy.builder().deadline(Duration.ofSeconds(10)).build()));
    rateLimitNext.set(true);
    CompletableFuture<TestJob> wait = runtime.awaitAsync("j", () -> poll("j"), null, null);
    time.advance(Duration.ZERO);
    assertThat(requests).hasSize(1);

    assertThatThrownBy(() -> poll("other"))
        .isInstanceOfSatisfying(
            RateLimitException.class,
            e -> assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isEqualTo(Duration.ofSeconds(30))))
        .hasMessageContaining("not sent");
    assertThat(requests).hasSize(1);
    time.advance(Duration.ofMinutes(2));
    assertThat(wait).isCompleted();
  }

  @Test
  void singleCall_duringAHoldWithinItsDeadline_waitsItOutAndIsSent() {
    start(new Builder());
    rateLimitNext.set(true);
    Instant t0 = time.now();
    CompletableFuture<TestJob> wait = runtime.awaitAsync("j", () -> poll("j"), null, null);
    time.advance(Duration.ZERO);

    assertThat(poll("other").id()).isEqualTo("other");
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1)).isAfterOrEqualTo(t0.plusSeconds(30));
    time.advance(Duration.ofMinutes(2));
    assertThat(wait).isCompleted();
  }

  @Test
  void requestsPerSecondCeiling_coversSingleCallsAndPolls() {
    start(new Builder().maxRequestsPerSecond(10));
    List<CompletableFuture<TestJob>> waits = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String id = "w" + i;
      waits.add(runtime.awaitAsync(id, () -> poll(id), null, null));
    }
    time.advance(Duration.ofMinutes(1));
    assertThat(waits).allSatisfy(f -> assertThat(f).isCompleted());
    for (int i = 0; i < 5; i++) {
      poll("single" + i);
    }
    List<Instant> sorted = requests.stream().sorted().toList();
    assertThat(sorted).hasSize(30 * 3 + 5);
    for (int i = 10; i < sorted.size(); i++) {
      assertThat(Duration.between(sorted.get(i - 10), sorted.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
  }
}
