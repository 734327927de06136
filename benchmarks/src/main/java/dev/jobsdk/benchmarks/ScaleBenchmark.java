package dev.jobsdk.benchmarks;

import dev.jobsdk.core.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jobsdk.core.Cancellable;
import dev.jobsdk.core.JobScheduler;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.internal.DefaultJobScheduler;
import dev.jobsdk.deepidv.AsyncJob;
import dev.jobsdk.deepidv.DeepIdvClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code scale}: N concurrent awaits of DeepIDV jobs through one client, against the standalone
 * mock in another JVM over loopback, with and without server latency; the SDK's engine against
 * two baselines in the same run: the previous engine (every poll on one of 16 fixed threads) and
 * one platform thread per blocking wait.
 *
 * <p>Waits start evenly over one poll interval (a steady 1/interval of them due each second) and
 * poll at a fixed interval until their job ends. Measured per case: scheduled vs achieved polls
 * per second while every wait is live, p50/p99 lateness of polls against their schedule, detection
 * delay (job end to future completed), peak live platform threads, heap after GC, client CPU per
 * poll, and whether every wait completed with its job's result.
 *
 * <p>Options: {@code --n 10000 --interval 5 --job-seconds 32 --latencies 0,100
 * --engines sdk,fixed16,thread-per-wait --concurrency 224 --mock-jar PATH}; {@code --quick} is
 * N = 1,000, a 2 s interval, 7 s jobs and 100 ms latency only.
 */
public final class ScaleBenchmark implements Benchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "sk_test_org_a";

  /** Polls started per second since the case began, and how late each started (1 ms buckets). */
  static final class Recorder {
    static final int MAX_LATE_MS = 120_000;
    final long t0 = System.nanoTime();
    final AtomicLongArray perSecond = new AtomicLongArray(3_600);
    final AtomicLongArray lateMs = new AtomicLongArray(MAX_LATE_MS + 1);

    void poll(long dueNanos, long startNanos) {
      int s = (int) ((startNanos - t0) / 1_000_000_000L);
      if (s >= 0 && s < perSecond.length()) {
        perSecond.incrementAndGet(s);
      }
      long late = Math.max(0, (startNanos - dueNanos) / 1_000_000L);
      lateMs.incrementAndGet((int) Math.min(late, MAX_LATE_MS));
    }

    long polls(int fromSecond, int toSecond) {
      long n = 0;
      for (int s = Math.max(0, fromSecond); s < Math.min(toSecond, perSecond.length()); s++) {
        n += perSecond.get(s);
      }
      return n;
    }

    long totalPolls() {
      return polls(0, perSecond.length());
    }

    long percentileLateMs(double p) {
      long total = 0;
      for (int i = 0; i < lateMs.length(); i++) {
        total += lateMs.get(i);
      }
      long want = (long) Math.ceil(total * p);
      long seen = 0;
      for (int i = 0; i < lateMs.length(); i++) {
        seen += lateMs.get(i);
        if (seen >= want && want > 0) {
          return i;
        }
      }
      return 0;
    }
  }

  /** Wraps the client's real scheduler to see when each poll was due and when it started. */
  static final class RecordingScheduler implements JobScheduler {
    final JobScheduler inner;
    final Recorder rec;

    RecordingScheduler(JobScheduler inner, Recorder rec) {
      this.inner = inner;
      this.rec = rec;
    }

    @Override
    public Clock clock() {
      return inner.clock();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
      long due = System.nanoTime() + Math.max(0, delay.toNanos());
      return inner.schedule(delay, () -> {
        rec.poll(due, System.nanoTime());
        task.run();
      });
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      inner.sleep(duration);
    }

    @Override
    public <T> T await(CompletableFuture<T> future) throws InterruptedException, ExecutionException {
      return inner.await(future);
    }
  }

  record Case(String engine, int latencyMs, int n, double scheduledRate, double achievedRate,
      long p50LateMs, long p99LateMs, long medianDetectMs, long p99DetectMs, int peakThreads,
      long heapAfterGcMiB, double cpuMicrosPerPoll, int correct, int failed) {
    boolean allCorrect() {
      return correct == n;
    }

    double achievedShare() {
      return achievedRate / scheduledRate;
    }
  }

  @Override
  public Result run(Args args) throws Exception {
    boolean quick = args.quick();
    int n = (int) args.getLong("n", quick ? 1_000 : 10_000);
    int interval = (int) args.getLong("interval", quick ? 2 : 5);
    // Not a multiple of the interval: a job ending just as a poll is due would make the detection
    // delay flip between ~0 and a whole interval from run to run.
    int jobSeconds = (int) args.getLong("job-seconds", quick ? 7 : 32);
    int concurrency = (int) args.getLong("concurrency", DefaultJobScheduler.DEFAULT_MAX_CONCURRENT_POLLS);
    List<Integer> latencies = Arrays.stream(args.get("latencies", quick ? "100" : "0,100").split(","))
        .map(String::trim).map(Integer::parseInt).toList();
    List<String> engines = List.of(args.get("engines", "sdk,fixed16,thread-per-wait").split(","));
    int feature = Runtime.version().feature();
    System.out.printf(Locale.ROOT, "scale: JDK %s, %d CPUs, N=%d, interval %d s, jobs %d s, maxConcurrentPolls %d%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), n, interval, jobSeconds, concurrency);

    List<Case> cases = new ArrayList<>();
    try (MockProcess mock = MockProcess.start(args)) {
      int idleThreads = ManagementFactory.getThreadMXBean().getThreadCount();
      for (int latency : latencies) {
        for (String engine : engines) {
          // The previous case's threads are stopped but may take a moment to end; a case's
          // peak counts only its own.
          long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          while (ManagementFactory.getThreadMXBean().getThreadCount() > idleThreads + 2
              && System.nanoTime() < settle) {
            LockSupport.parkNanos(20_000_000L);
          }
          mock.reset(latency);
          System.gc();
          Case c = runCase(mock, engine.trim(), latency, n, interval, jobSeconds, concurrency);
          cases.add(c);
          System.out.println(row(c));
        }
      }
    }
    System.out.println();
    System.out.println("| engine | waits | latency | polls/s scheduled | polls/s achieved | lateness p50 / p99 | detection p50 / p99 | peak platform threads | heap after GC | client CPU/poll | correct |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (Case c : cases) {
      System.out.println(row(c));
    }
    Case goal = cases.stream().filter(c -> c.engine().equals("sdk"))
        .max((a, b) -> Integer.compare(a.latencyMs(), b.latencyMs())).orElseThrow();
    int threadLimit = feature >= 21 ? 64 : 256;
    boolean pass = goal.achievedShare() >= 0.95 && goal.p99LateMs() <= 1_000 && goal.allCorrect()
        && goal.heapAfterGcMiB() <= 512 && goal.peakThreads() <= threadLimit
        && cases.stream().filter(c -> c.engine().equals("sdk")).allMatch(Case::allCorrect);
    Result r = Result.of("scale")
        .metric("jdk", Integer.toString(feature))
        .metric("n", n)
        .metric("latency_ms", goal.latencyMs())
        .metric("achieved_pct", 100 * goal.achievedShare())
        .metric("p99_late_ms", goal.p99LateMs())
        .metric("detect_p50_ms", goal.medianDetectMs())
        .metric("threads", goal.peakThreads())
        .metric("heap_mib", goal.heapAfterGcMiB())
        .metric("cpu_us_per_poll", goal.cpuMicrosPerPoll())
        .metric("correct", goal.correct() + "/" + n);
    cases.stream().filter(c -> c.latencyMs() == goal.latencyMs() && !c.engine().equals("sdk"))
        .forEach(c -> r.metric(c.engine().replace('-', '_') + "_achieved_pct", 100 * c.achievedShare()));
    return r.goal("achieved>=95%,p99_late<=1000ms,all_correct,heap<=512MiB,threads<=" + threadLimit)
        .pass(pass);
  }

  private static String row(Case c) {
    return String.format(Locale.ROOT,
        "| %s | %,d | %d ms | %,.0f | %,.0f (%.0f %%) | %d / %d ms | %.1f / %.1f s | %d | %d MiB | %.0f µs | %d/%d |",
        c.engine(), c.n(), c.latencyMs(), c.scheduledRate(), c.achievedRate(), 100 * c.achievedShare(),
        c.p50LateMs(), c.p99LateMs(), c.medianDetectMs() / 1000.0, c.p99DetectMs() / 1000.0,
        c.peakThreads(), c.heapAfterGcMiB(), c.cpuMicrosPerPoll(), c.correct(), c.n());
  }

  private Case runCase(MockProcess mock, String engine, int latency, int n, int interval, int jobSeconds,
      int concurrency) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Recorder rec = new Recorder();
    PollingPolicy policy = PollingPolicy.builder()
        .initialDelay(Duration.ZERO).interval(Duration.ofSeconds(interval)).multiplier(1)
        .maxInterval(Duration.ofSeconds(interval)).jitter(PollingPolicy.Jitter.NONE)
        .totalTimeout(Duration.ofMinutes(30)).maxConsecutiveErrors(20).build();
    // Jobs are created without blocking (the mock's admin client has two threads), each as its
    // wait starts.
    ExecutorService fixed = engine.equals("fixed16") ? Executors.newFixedThreadPool(16, daemon("fixed16")) : null;
    DefaultJobScheduler inner = new DefaultJobScheduler(Clock.systemUTC(),
        engine.equals("fixed16") ? 16 : concurrency, fixed, null);
    DeepIdvClient.Builder builder = DeepIdvClient.builder().baseUrl(mock.baseUrl()).apiKey(KEY)
        .pollingPolicy(policy).maxConcurrentPolls(engine.equals("fixed16") ? 16 : concurrency)
        .scheduler(new RecordingScheduler(inner, rec)).completionExecutor(inner.completionExecutor());
    long[] jobEndNanos = new long[n];
    long[] detectedNanos = new long[n];
    AtomicInteger correct = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    CountDownLatch allDone = new CountDownLatch(n);
    List<Thread> waiters = new ArrayList<>();
    long heapAfterGc;
    long cpuStart;
    long cpuEnd;
    long t0;
    sampledPeak = 0;
    try (DeepIdvClient client = builder.build()) {
      threads.resetPeakThreadCount();
      t0 = System.nanoTime();
      long spacing = TimeUnit.SECONDS.toNanos(interval) / n;
      String create = "{\"family\":\"deepidv\",\"lifecycle\":{\"seconds\":" + jobSeconds + "}}";
      for (int i = 0; i < n; i++) {
        long target = t0 + i * spacing;
        long wait = target - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        if (i % 100 == 0) {
          sampleThreads();
        }
        int k = i;
        mock.postAsync("/__mock/jobs", create).whenComplete((resp, createError) -> {
          if (createError != null) {
            System.out.println("  create failed: " + createError);
            failed.incrementAndGet();
            allDone.countDown();
            return;
          }
          if (resp.statusCode() / 100 != 2) {
            failed.incrementAndGet();
            allDone.countDown();
            return;
          }
          String id;
          try {
            id = JSON.readTree(resp.body()).get("id").asText();
          } catch (Exception e) {
            failed.incrementAndGet();
            allDone.countDown();
            return;
          }
          jobEndNanos[k] = System.nanoTime() + TimeUnit.SECONDS.toNanos(jobSeconds);
          if (engine.equals("thread-per-wait")) {
            Thread t = new Thread(null, () -> blockingWait(client, id, k, interval, rec, detectedNanos, correct, failed, allDone),
                "wait-" + k, 256 * 1024);
            t.setDaemon(true);
            synchronized (waiters) {
              waiters.add(t);
            }
            t.start();
          } else {
            startAsync(client, id).whenComplete((result, error) -> {
              detectedNanos[k] = System.nanoTime();
              if (error == null && result != null) {
                correct.incrementAndGet();
              } else {
                failed.incrementAndGet();
              }
              allDone.countDown();
            });
          }
        });
      }
      // Client CPU over the steady window (every wait live, none done), then heap after GC.
      parkUntil(t0 + TimeUnit.SECONDS.toNanos(interval + 1));
      cpuStart = processCpuNanos();
      parkUntil(t0 + TimeUnit.SECONDS.toNanos(Math.max(interval + 2, jobSeconds - 1)));
      cpuEnd = processCpuNanos();
      System.out.println("  " + engine + ", threads by name at the most seen (" + sampledPeak + "): "
          + sampledPeakCensus);
      heapAfterGc = heapAfterGcMiB();
      long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(jobSeconds + interval * 6L + 120);
      while (allDone.getCount() > 0 && System.nanoTime() < limit) {
        sampleThreads();
        allDone.await(50, TimeUnit.MILLISECONDS);
      }
      if (allDone.getCount() > 0) {
        System.out.printf("  %s: %d waits still running at the time limit%n", engine, allDone.getCount());
      }
    } finally {
      inner.close();
      if (fixed != null) {
        fixed.shutdownNow();
      }
    }
    int peak = threads.getPeakThreadCount();
    // Steady window: from when every wait has started until the first job ends.
    int from = interval + 1;
    int to = Math.max(interval + 2, jobSeconds - 1);
    double scheduled = (double) n / interval;
    double achieved = (double) rec.polls(from, to) / (to - from);
    long[] delays = new long[n];
    int d = 0;
    for (int i = 0; i < n; i++) {
      if (detectedNanos[i] > 0 && jobEndNanos[i] > 0) {
        delays[d++] = Math.max(0, detectedNanos[i] - jobEndNanos[i]) / 1_000_000L;
      }
    }
    long[] sorted = Arrays.copyOf(delays, d);
    Arrays.sort(sorted);
    long p50Detect = d == 0 ? -1 : sorted[d / 2];
    long p99Detect = d == 0 ? -1 : sorted[Math.min(d - 1, (int) (d * 0.99))];
    long windowPolls = rec.polls(from, Math.max(interval + 2, jobSeconds - 1));
    double cpuPerPoll = windowPolls == 0 ? 0 : (cpuEnd - cpuStart) / 1000.0 / windowPolls;
    return new Case(engine, latency, n, scheduled, achieved, rec.percentileLateMs(0.50), rec.percentileLateMs(0.99),
        p50Detect, p99Detect, peak, heapAfterGc, cpuPerPoll, correct.get(), failed.get());
  }

  private static CompletableFuture<JsonValue> startAsync(DeepIdvClient client, String id) {
    try {
      return client.asyncJobs().handle(id).awaitCompletionAsync();
    } catch (RuntimeException e) {
      System.out.println("  wait did not start: " + e);
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The naive alternative: a platform thread per wait that polls, then sleeps the interval. */
  private static void blockingWait(DeepIdvClient client, String id, int k, int interval, Recorder rec,
      long[] detectedNanos, AtomicInteger correct, AtomicInteger failed, CountDownLatch done) {
    long due = System.nanoTime();
    try {
      for (int attempt = 0; attempt < 10_000; attempt++) {
        rec.poll(due, System.nanoTime());
        AsyncJob<JsonValue> job;
        try {
          job = client.asyncJobs().retrieve(id);
        } catch (RuntimeException e) {
          job = null;
        }
        if (job instanceof AsyncJob.Ready<JsonValue> ready) {
          detectedNanos[k] = System.nanoTime();
          if (ready.result() != null) {
            correct.incrementAndGet();
          } else {
            failed.incrementAndGet();
          }
          return;
        }
        if (job instanceof AsyncJob.Failed<JsonValue>) {
          failed.incrementAndGet();
          return;
        }
        due = System.nanoTime() + TimeUnit.SECONDS.toNanos(interval);
        Thread.sleep(TimeUnit.SECONDS.toMillis(interval));
      }
      failed.incrementAndGet();
    } catch (InterruptedException e) {
      failed.incrementAndGet();
    } finally {
      done.countDown();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger i = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + i.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Live platform threads grouped by name with digits dropped, largest groups first: which of the
   * peak count are the client's poll workers, its other threads, the harness's and the JVM's.
   */
  static String census() {
    java.util.Map<String, Integer> groups = new java.util.TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      groups.merge(t.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
    }
    return groups.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** The most live threads seen by {@link #parkUntil} and who they were, for the case running. */
  private static int sampledPeak;
  private static String sampledPeakCensus = "";

  /** Parks until then, looking every 50 ms at the live thread count and naming them at a new high. */
  private static void parkUntil(long nanoTime) {
    long wait;
    while ((wait = nanoTime - System.nanoTime()) > 0) {
      sampleThreads();
      LockSupport.parkNanos(Math.min(wait, 50_000_000L));
    }
  }

  private static void sampleThreads() {
    int live = ManagementFactory.getThreadMXBean().getThreadCount();
    if (live > sampledPeak) {
      sampledPeak = live;
      sampledPeakCensus = census();
    }
  }

  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  static long heapAfterGcMiB() {
    System.gc();
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
        used += pool.getCollectionUsage().getUsed();
      }
    }
    return used / (1024 * 1024);
  }
}
