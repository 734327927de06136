package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.jobsdk.core.Cancellable;
import dev.jobsdk.core.JobScheduler;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.TestJob;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** How the poller drives waits: where futures complete, lag warnings, the client's rate budget. */
@Timeout(10)
class PollerEngineTest {
  static final PollingPolicy EVERY_5S =
      PollingPolicy.builder()
          .initialDelay(Duration.ZERO)
          .interval(Duration.ofSeconds(5))
          .multiplier(1)
          .maxInterval(Duration.ofSeconds(5))
          .jitter(PollingPolicy.Jitter.NONE)
          .totalTimeout(Duration.ofHours(1))
          .build();

  final VirtualScheduler time = VirtualScheduler.create();
  final Logger lagLog = (Logger) LoggerFactory.getLogger(LagMonitor.class);
  final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @AfterEach
  void detach() {
    lagLog.detachAppender(logged);
    lagLog.setAdditive(true);
  }

  /** Captures the lag warnings instead of printing them. */
  void captureLagLog() {
    lagLog.setAdditive(false);
    lagLog.addAppender(logged);
    logged.start();
  }

  /** A job that succeeds after {@code polls} polls and records when each poll ran. */
  final class CountingJob implements Supplier<TestJob> {
    final String id;
    final int pollsToFinish;
    final List<Instant> polledAt = new ArrayList<>();
    final List<Instant> log;

    CountingJob(String id, int pollsToFinish, List<Instant> log) {
      this.id = id;
      this.pollsToFinish = pollsToFinish;
      this.log = log;
    }

    @Override
    public TestJob get() {
      polledAt.add(time.now());
      log.add(time.now());
      return polledAt.size() >= pollsToFinish
          ? TestJob.of(id, JobState.SUCCEEDED)
          : TestJob.running(id, 10 * polledAt.size());
    }
  }

  @Test
  void asyncFuture_completesOnTheCompletionExecutor_notOnThePollThread() throws Exception {
    Queue<Runnable> handedOver = new ArrayDeque<>();
    Executor completions = handedOver::add;
    Poller poller = new Poller(time, () -> 0.5).completeOn(completions);
    CountingJob job = new CountingJob("j", 2, new ArrayList<>());
    CompletableFuture<TestJob> f = poller.awaitAsync("j", job, EVERY_5S, null);
    List<Thread> callbackThreads = new ArrayList<>();
    CompletableFuture<TestJob> chained = f.thenApply(t -> { callbackThreads.add(Thread.currentThread()); return t; });

    time.advance(Duration.ofSeconds(10));
    assertThat(job.polledAt).hasSize(2);
    assertThat(f).as("the poll thread does not complete it").isNotDone();
    assertThat(handedOver).hasSize(1);

    Thread completionThread = new Thread(handedOver.poll(), "completion");
    completionThread.start();
    completionThread.join();
    assertThat(chained.get().state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(callbackThreads).containsExactly(completionThread);
  }

  @Test
  void blockingWait_doesNotNeedTheCompletionExecutor() {
    Poller poller = new Poller(time, () -> 0.5).completeOn(r -> { throw new AssertionError("not used"); });
    CountingJob job = new CountingJob("j", 3, new ArrayList<>());
    assertThat(poller.await("j", job, EVERY_5S, null).state()).isEqualTo(JobState.SUCCEEDED);
  }

  /** Runs every task {@code lateBy} after it was due, as an overloaded client would. */
  static JobScheduler late(VirtualScheduler time, Duration lateBy) {
    return new JobScheduler() {
      @Override
      public Clock clock() {
        return time.clock();
      }

      @Override
      public Cancellable schedule(Duration delay, Runnable task) {
        return time.schedule(delay.plus(lateBy), task);
      }

      @Override
      public void sleep(Duration duration) {
        time.sleep(duration);
      }

      @Override
      public <T> T await(CompletableFuture<T> future) throws InterruptedException, ExecutionException {
        return time.await(future);
      }
    };
  }

  @Test
  void pollsLaggingTheirSchedule_logOneWarning_withTheFigures() {
    captureLagLog();
    Poller poller =
        new Poller(late(time, Duration.ofSeconds(3)), () -> 0.5)
            .watchLag(() -> "256 polls in flight and 900 due polls queued");
    List<CompletableFuture<TestJob>> waits = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      waits.add(poller.awaitAsync("j" + i, new CountingJob("j" + i, 5, new ArrayList<>()), EVERY_5S, null));
    }
    time.advance(Duration.ofMinutes(2));
    assertThat(waits).allSatisfy(f -> assertThat(f).isCompleted());

    assertThat(logged.list).hasSize(1);
    ILoggingEvent warning = logged.list.get(0);
    assertThat(warning.getLevel()).isEqualTo(Level.WARN);
    assertThat(warning.getFormattedMessage())
        .contains("Polls are falling behind their schedule")
        .contains("more than 1000 ms late (this one 3000 ms, worst 3000 ms)")
        .contains("256 polls in flight and 900 due polls queued")
        .contains("maxConcurrentPolls");
  }

  @Test
  void pollsOnSchedule_logNothing() {
    captureLagLog();
    Poller poller = new Poller(late(time, Duration.ofMillis(900)), () -> 0.5).watchLag(() -> "");
    for (int i = 0; i < 50; i++) {
      poller.awaitAsync("j" + i, new CountingJob("j" + i, 5, new ArrayList<>()), EVERY_5S, null);
    }
    time.advance(Duration.ofMinutes(2));
    assertThat(logged.list).isEmpty();
  }

  /** The builder every vendor client extends, bare. */
  static final class TestClientBuilder extends dev.jobsdk.core.ClientBuilder<TestClientBuilder> {}

  /** A virtual clock moved in jumps makes every poll "late": that is the test's doing, not load. */
  @Test
  void latePollsUnderAnInjectedScheduler_logNothing() {
    captureLagLog();
    ClientRuntime runtime =
        ClientRuntime.create(
            ClientSettings.of(
                new TestClientBuilder().baseUrl("http://127.0.0.1:1").scheduler(late(time, Duration.ofSeconds(3))),
                null,
                EVERY_5S),
            t -> Auth.none());
    try {
      List<CompletableFuture<TestJob>> waits = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        waits.add(
            runtime.awaitAsync("j" + i, new CountingJob("j" + i, 5, new ArrayList<>()), EVERY_5S, null));
      }
      time.advance(Duration.ofMinutes(2));

      assertThat(waits).allSatisfy(f -> assertThat(f).isCompleted());
      assertThat(logged.list).isEmpty();
    } finally {
      runtime.close();
    }
  }

  @Test
  void retryAfterHold_holdsBackEveryWaitOfTheClient_thenSpreadsThem() {
    RateBudget budget = RateBudget.unlimited(time.clock());
    double[] r = {0};
    Poller poller = new Poller(time, () -> 0.5).gate(budget.gate("api.example.com", () -> (r[0] += 0.01) % 1));
    List<Instant> allPolls = new ArrayList<>();
    Instant t0 = time.now();
    budget.hold("api.example.com", Duration.ofSeconds(30));
    List<CompletableFuture<TestJob>> waits = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      waits.add(poller.awaitAsync("j" + i, new CountingJob("j" + i, 2, allPolls), EVERY_5S, null));
    }
    time.advance(Duration.ofSeconds(29));
    assertThat(allPolls).as("no poll during the hold").isEmpty();
    time.advance(Duration.ofMinutes(2));
    assertThat(waits).allSatisfy(f -> assertThat(f).isCompleted());
    assertThat(allPolls).hasSize(200);
    // First polls are spread over the 10 s after the hold, not sent at one instant.
    List<Instant> firsts = allPolls.subList(0, 100);
    assertThat(firsts).allSatisfy(at -> assertThat(at).isBetween(t0.plusSeconds(30), t0.plusSeconds(40)));
    assertThat(firsts.stream().distinct().count()).isGreaterThan(50);
  }

  @Test
  void holdOnAnotherHost_doesNotHoldThisClientsWaits() {
    RateBudget budget = RateBudget.unlimited(time.clock());
    Poller poller = new Poller(time, () -> 0.5).gate(budget.gate("api.example.com", () -> 0.5));
    budget.hold("login.example.com", Duration.ofMinutes(5));
    List<Instant> polls = new ArrayList<>();
    CompletableFuture<TestJob> f = poller.awaitAsync("j", new CountingJob("j", 1, polls), EVERY_5S, null);
    time.advance(Duration.ZERO);
    assertThat(f).isCompleted();
  }

  @Test
  void requestsPerSecondCeiling_spreadsPollsOfAllWaits_withoutLosingAny() {
    RateBudget budget = new RateBudget(time.clock(), 25);
    Poller poller = new Poller(time, () -> 0.5).gate(budget.gate("h", () -> 0.5));
    List<Instant> allPolls = new ArrayList<>();
    List<CompletableFuture<TestJob>> waits = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      waits.add(poller.awaitAsync("j" + i, new CountingJob("j" + i, 3, allPolls), EVERY_5S, null));
    }
    time.advance(Duration.ofMinutes(5));
    assertThat(waits).allSatisfy(f -> assertThat(f).isCompleted());
    assertThat(allPolls).hasSize(300);
    List<Instant> sorted = allPolls.stream().sorted().toList();
    for (int i = 25; i < sorted.size(); i++) {
      assertThat(Duration.between(sorted.get(i - 25), sorted.get(i)))
          .as("any 26 consecutive polls span at least a second")
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
    // 300 polls at 25/s take 12 s: the ceiling delays, it does not drop or stall.
    assertThat(Duration.between(sorted.get(0), sorted.get(299))).isLessThan(Duration.ofSeconds(20));
  }
}
