package dev.jobsdk.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
  private final HttpClient admin =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

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
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
    // Drain its output so it never blocks on a full pipe.
    CompletableFuture.runAsync(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        while (r.readLine() != null) {
          // discarded
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
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

  CompletableFuture<HttpResponse<String>> postAsync(String path, String json, java.util.concurrent.Executor on) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return admin.send(postRequest(path, json), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }, on);
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
