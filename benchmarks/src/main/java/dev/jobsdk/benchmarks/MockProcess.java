package dev.jobsdk.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The standalone mock server ({@code mock-server/target/mock-server.jar}) in a JVM of its own, so
 * that its CPU and threads are not the client's; driven through its {@code /__mock/} admin API.
 */
final class MockProcess implements AutoCloseable {
  private final Process process;
  private final String baseUrl;
  /**
   * A few threads of the harness's own, so that it adds few to the client JVM's thread count: two
   * for the HTTP client's internals and four that send creates. (Blocking sends: {@code
   * HttpClient.sendAsync} completes every answer on the common pool, which on a 2-CPU machine is
   * a new thread per task.)
   */
  private final java.util.concurrent.ExecutorService httpThreads = daemonPool(2, "mock-http");
  private final java.util.concurrent.ExecutorService senders = daemonPool(4, "mock-create");
  private final HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).executor(httpThreads).build();

  private static java.util.concurrent.ExecutorService daemonPool(int threads, String name) {
    return java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  private MockProcess(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /** Starts the mock jar with the vendors' rate limits off, and waits until it serves. */
  static MockProcess start(Args args) throws IOException, InterruptedException {
    Path jar = Path.of(args.get("mock-jar", "mock-server/target/mock-server.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar.toAbsolutePath() + " not found: build it (mvn -B -ntp package -DskipTests) or pass --mock-jar");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + args.get("mock-heap", "1g"),
        "-jar", jar.toString(), "--port", Integer.toString(port), "--no-rate-limits"));
    // Its output is not read, and needs no thread of ours to drain it.
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    MockProcess mock = new MockProcess(p, "http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (mock.get("/__mock/clock").statusCode() == 200) {
          return mock;
        }
      } catch (IOException e) {
        if (System.nanoTime() > deadline || !p.isAlive()) {
          p.destroyForcibly();
          throw new IllegalStateException("the mock server did not start", e);
        }
      }
      Thread.sleep(100);
    }
  }

  String baseUrl() {
    return baseUrl;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return admin.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    HttpResponse<String> r = admin.send(postRequest(path, json), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("POST " + path + " -> " + r.statusCode() + ": " + r.body());
    }
    return r;
  }

  /**
   * Posts without blocking a thread. A connection the server closed as the request went out
   * ("header parser received no bytes") is tried again, up to three times in all: a benchmark's
   * own set-up must not count as the SDK's failures. (A lost create answer leaves one job nobody
   * awaits, which changes nothing measured.)
   */
  CompletableFuture<HttpResponse<String>> postAsync(String path, String json) {
    return postAsync(path, json, 3);
  }

  private CompletableFuture<HttpResponse<String>> postAsync(String path, String json, int attempts) {
    return CompletableFuture.supplyAsync(() -> {
      IOException last = null;
      for (int i = 0; i < attempts; i++) {
        try {
          return admin.send(postRequest(path, json), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
          last = e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      throw new java.io.UncheckedIOException(last);
    }, senders);
  }

  private HttpRequest postRequest(String path, String json) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  /** Forgets every job and fault, then adds {@code latencyMillis} to every DeepIDV poll. */
  void reset(long latencyMillis) throws IOException, InterruptedException {
    post("/__mock/reset", "{}");
    if (latencyMillis > 0) {
      post("/__mock/faults",
          "{\"method\":\"GET\",\"path\":\"/v1/async-jobs/*\",\"latencyMillis\":" + latencyMillis + "}");
    }
  }

  @Override
  public void close() {
    senders.shutdownNow();
    httpThreads.shutdownNow();
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
