package dev.jobsdk.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mock-throughput}: the standalone mock server against WireMock standalone serving the same
 * request, a DeepIDV job status poll ({@code GET /v1/async-jobs/{id}} with its {@code x-api-key}
 * check), both in their own JVM, both driven by the same keep-alive load generator in this JVM.
 *
 * <p>Each server is warmed up under load, then measured over three windows; every window reports
 * requests per second, the server process's CPU time per request (utime + stime from
 * {@code /proc/<pid>/stat}) and its RSS. The ratios compare the medians of the windows (WireMock's
 * best window instead when its heap fills and it slows down, as its request journal does on a
 * small heap). WireMock runs as users run it: {@code java -Xmx8g -jar wiremock-standalone.jar},
 * request journal on, one stub with a header matcher and the mock's JSON body. The mock runs as
 * {@code java -Xmx256m -jar mock-server.jar --no-rate-limits} (the vendors' documented 25 requests a
 * second would otherwise answer nearly every poll 429; WireMock enforces none). Linux only (reads
 * {@code /proc}).
 *
 * <p>Options: {@code --quick} (8 s warm-up, 3 s windows), {@code --warmup S}, {@code --window S},
 * {@code --connections N} (default 32), {@code --mock-jar PATH}, {@code --wiremock-jar PATH},
 * {@code --mock-jvm "OPTIONS"} (default {@code -Xmx256m}).
 */
public final class MockThroughputBenchmark implements Benchmark {

  private static final String ORG_A_KEY = "sk_test_org_a";
  private static final int WINDOWS = 3;

  /** A public no-argument constructor, as {@link Main} finds benchmarks by name. */
  public MockThroughputBenchmark() {
  }

  @Override
  public Result run(Args args) throws Exception {
    boolean quick = args.quick();
    int warmup = (int) args.getLong("warmup", quick ? 8 : 60);
    int window = (int) args.getLong("window", quick ? 3 : 10);
    int connections = (int) args.getLong("connections", 32);
    Path here = jarDirectory();
    Path mockJar = Path.of(args.get("mock-jar", here.resolve("../../mock-server/target/mock-server.jar").toString()));
    Path wireMockJar = Path.of(args.get("wiremock-jar", here.resolve("wiremock/wiremock-standalone.jar").toString()));
    for (Path jar : List.of(mockJar, wireMockJar)) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(jar.normalize() + " not found; build with: mvn -B -ntp package -DskipTests");
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    System.out.printf(Locale.ROOT, "mock-throughput: %s, %d cores, Java %s, %s%n", quick ? "quick" : "full",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
    System.out.printf(Locale.ROOT, "load: GET /v1/async-jobs/{id} with x-api-key, keep-alive, %d connections, "
        + "warm-up %d s under load, %d windows of %d s%n%n", connections, warmup, WINDOWS, window);

    // ---- the mock
    int mockPort = freePort();
    Phase mock;
    String path;
    byte[] body;
    List<String> mockCommand = new ArrayList<>(List.of(java));
    mockCommand.addAll(List.of(args.get("mock-jvm", "-Xmx256m").trim().split("\\s+")));
    mockCommand.addAll(List.of("-jar", mockJar.toString(), "--port", Integer.toString(mockPort), "--seed", "1",
        "--no-rate-limits"));
    Process mockProcess = start(mockCommand, "mock");
    try {
      awaitHttp(mockPort, "/__mock/clock", Duration.ofSeconds(30));
      HttpClient client = HttpClient.newHttpClient();
      String created = send(client, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + mockPort
          + "/v1/screening/adverse-media")).header("x-api-key", ORG_A_KEY).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"jane.doe@example.com\",\"firstName\":\"Jane\","
              + "\"lastName\":\"Doe\",\"dateOfBirth\":\"1985-04-12\",\"country\":\"ca\"}")).build(), 200, 201, 202);
      Matcher id = Pattern.compile("\"(?:jobId|id)\"\\s*:\\s*\"([^\"]+)\"").matcher(created);
      if (!id.find()) {
        throw new IllegalStateException("no job id in " + created);
      }
      path = "/v1/async-jobs/" + id.group(1);
      // Pin the job mid-run, so every poll of the whole run gets the same answer.
      send(client, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + mockPort + "/__mock/jobs/" + id.group(1)
          + "/state")).POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"processing\"}")).build(), 200);
      body = send(client, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + mockPort + path))
          .header("x-api-key", ORG_A_KEY).build(), 200).getBytes(StandardCharsets.UTF_8);
      System.out.printf(Locale.ROOT, "polled body (%d bytes): %s%n%n", body.length, new String(body, StandardCharsets.UTF_8));
      mock = measure("jobsdk mock", mockProcess.pid(), mockPort, path, connections, warmup, window);
    } finally {
      stop(mockProcess);
    }

    // ---- WireMock
    int wmPort = freePort();
    Phase wireMock;
    Process wmProcess = start(List.of(java, "-Xmx8g", "-jar", wireMockJar.toString(), "--port",
        Integer.toString(wmPort), "--bind-address", "127.0.0.1", "--disable-banner"), "wiremock");
    try {
      awaitHttp(wmPort, "/__admin/mappings", Duration.ofSeconds(60));
      HttpClient client = HttpClient.newHttpClient();
      String stub = "{\"request\":{\"method\":\"GET\",\"urlPath\":\"" + path + "\",\"headers\":{\"x-api-key\":"
          + "{\"equalTo\":\"" + ORG_A_KEY + "\"}}},\"response\":{\"status\":200,\"headers\":{\"Content-Type\":"
          + "\"application/json\"},\"body\":" + jsonString(new String(body, StandardCharsets.UTF_8)) + "}}";
      send(client, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wmPort + "/__admin/mappings"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(stub)).build(), 201);
      String served = send(client, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wmPort + path))
          .header("x-api-key", ORG_A_KEY).build(), 200);
      if (!Arrays.equals(served.getBytes(StandardCharsets.UTF_8), body)) {
        throw new IllegalStateException("WireMock serves a different body: " + served);
      }
      send(client, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wmPort + path)).build(), 404);
      wireMock = measure("WireMock", wmProcess.pid(), wmPort, path, connections, warmup, window);
    } finally {
      stop(wmProcess);
    }

    // ---- verdict
    Window mockMedian = mock.median();
    Window wmCompared = wireMock.median();
    String basis = "medians";
    Window wmBest = wireMock.best();
    Window wmLast = wireMock.windows.get(WINDOWS - 1);
    if (wmLast.rps() < 0.5 * wmBest.rps() || wireMock.errors > 0) {
      wmCompared = wmBest;
      basis = "the mock's median against WireMock's best window (its heap filled and it slowed down"
          + (wireMock.errors > 0 ? ", " + wireMock.errors + " failed requests" : "") + ")";
    }
    double ratioRps = mockMedian.rps() / wmCompared.rps();
    double ratioCpu = mockMedian.cpuMicrosPerRequest() / wmCompared.cpuMicrosPerRequest();
    boolean flat = mock.flatMemory();
    System.out.printf(Locale.ROOT, "%nratios (%s): req/s %.2fx, server CPU per request %.2fx; mock RSS %s%n", basis,
        ratioRps, ratioCpu, flat ? "flat" : "GREW");
    if (mock.errors > 0) {
      System.out.println("mock: " + mock.errors + " failed requests");
    }
    return Result.of("mock-throughput").metric("ratio_rps", ratioRps).metric("ratio_cpu", ratioCpu)
        .goal("rps>=2.0x,cpu<=0.5x,flat_memory")
        .pass(ratioRps >= 2.0 && ratioCpu <= 0.5 && flat && mock.errors == 0);
  }

  // ------------------------------------------------------------------ measuring

  private static Phase measure(String name, long pid, int port, String path, int connections, int warmup,
      int window) throws Exception {
    byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nx-api-key: " + ORG_A_KEY
        + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    LoadGenerator load = new LoadGenerator(port, request, connections);
    Phase phase = new Phase(name);
    load.start();
    try {
      long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
      while (System.nanoTime() < warmEnd) {
        Thread.sleep(Math.min(1000, Math.max(1, TimeUnit.NANOSECONDS.toMillis(warmEnd - System.nanoTime()))));
        phase.rssAfterWarmup = rssBytes(pid);
      }
      System.out.printf(Locale.ROOT, "%-12s warm-up %d s: %,d requests, RSS %s%n", name, warmup, load.completed.sum(),
          mb(phase.rssAfterWarmup));
      for (int w = 1; w <= WINDOWS; w++) {
        long requests0 = load.completed.sum();
        long cpu0 = cpuTicks(pid);
        long t0 = System.nanoTime();
        long maxRss = 0;
        long end = t0 + TimeUnit.SECONDS.toNanos(window);
        while (System.nanoTime() < end) {
          Thread.sleep(Math.min(500, Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
          maxRss = Math.max(maxRss, rssBytes(pid));
        }
        long requests = load.completed.sum() - requests0;
        long cpu = cpuTicks(pid) - cpu0;
        double seconds = (System.nanoTime() - t0) / 1e9;
        Window result = new Window(requests / seconds, requests == 0 ? Double.NaN : cpu * 1e6 / TICKS / requests, maxRss);
        phase.windows.add(result);
        System.out.printf(Locale.ROOT, "%-12s window %d: %,9.0f req/s  %7.1f us CPU/request  RSS %s%n", name, w,
            result.rps(), result.cpuMicrosPerRequest(), mb(result.rssBytes()));
      }
    } finally {
      load.stop();
    }
    phase.errors = load.errors.sum();
    Window median = phase.median();
    System.out.printf(Locale.ROOT, "%-12s median:   %,9.0f req/s  %7.1f us CPU/request  RSS after warm-up %s, max %s%s%n%n",
        name, median.rps(), median.cpuMicrosPerRequest(), mb(phase.rssAfterWarmup), mb(phase.maxRss()),
        phase.errors > 0 ? ", " + phase.errors + " failed requests" : "");
    return phase;
  }

  /** One measured window. */
  private record Window(double rps, double cpuMicrosPerRequest, long rssBytes) {
  }

  /** One server's warm-up and windows. */
  private static final class Phase {
    final String name;
    final List<Window> windows = new ArrayList<>();
    long rssAfterWarmup;
    long errors;

    Phase(String name) {
      this.name = name;
    }

    Window median() {
      double[] rps = windows.stream().mapToDouble(Window::rps).sorted().toArray();
      double[] cpu = windows.stream().mapToDouble(Window::cpuMicrosPerRequest).sorted().toArray();
      return new Window(rps[rps.length / 2], cpu[cpu.length / 2], maxRss());
    }

    Window best() {
      Window best = windows.get(0);
      for (Window w : windows) {
        if (w.rps() > best.rps()) {
          best = w;
        }
      }
      return best;
    }

    long maxRss() {
      return windows.stream().mapToLong(Window::rssBytes).max().orElse(0);
    }

    /** Flat: no window's RSS more than 10 % (plus 16 MB of slack) above the RSS after warm-up. */
    boolean flatMemory() {
      return maxRss() <= rssAfterWarmup * 1.10 + (16L << 20);
    }
  }

  /**
   * Keep-alive HTTP/1.1 clients on blocking sockets, one thread per connection, one request in flight
   * per connection; reconnects after {@code Connection: close} or an error.
   */
  private static final class LoadGenerator {
    final LongAdder completed = new LongAdder();
    final LongAdder errors = new LongAdder();
    private final int port;
    private final byte[] request;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    LoadGenerator(int port, byte[] request, int connections) {
      this.port = port;
      this.request = request;
      for (int i = 0; i < connections; i++) {
        Thread t = new Thread(this::loop, "load-" + i);
        t.setDaemon(true);
        threads.add(t);
      }
    }

    void start() {
      threads.forEach(Thread::start);
    }

    void stop() throws InterruptedException {
      running = false;
      for (Thread t : threads) {
        t.join(5000);
      }
    }

    private void loop() {
      byte[] buffer = new byte[64 * 1024];
      while (running) {
        try (Socket socket = new Socket()) {
          socket.setTcpNoDelay(true);
          socket.setSoTimeout(10_000);
          socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
          OutputStream out = socket.getOutputStream();
          InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
          while (running) {
            out.write(request);
            out.flush();
            int answer = readResponse(in, buffer);
            if (answer >> 1 == 200) {
              completed.increment();
            } else {
              errors.increment();
            }
            if ((answer & 1) != 0) {
              break; // Connection: close
            }
          }
        } catch (IOException | RuntimeException e) {
          if (running) {
            errors.increment();
          }
        }
      }
    }

    /** Reads one response; returns its status times two, plus one when it said Connection: close. */
    private static int readResponse(InputStream in, byte[] buffer) throws IOException {
      int length = 0;
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("closed mid-response");
        }
        if (length == buffer.length) {
          throw new IOException("headers too long");
        }
        buffer[length++] = (byte) b;
        matched = b == '\r' || b == '\n' ? matched + 1 : 0;
      }
      String head = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
      int status = Integer.parseInt(head.substring(9, 12));
      long contentLength = 0;
      boolean chunked = false;
      boolean closeSeen = false;
      int lineStart = head.indexOf("\r\n") + 2;
      while (lineStart < head.length() - 2) {
        int lineEnd = head.indexOf("\r\n", lineStart);
        String line = head.substring(lineStart, lineEnd);
        int colon = line.indexOf(':');
        if (colon > 0) {
          String name = line.substring(0, colon).trim();
          String value = line.substring(colon + 1).trim();
          if (name.equalsIgnoreCase("Content-Length")) {
            contentLength = Long.parseLong(value);
          } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
            closeSeen = true;
          } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
            chunked = true;
          }
        }
        lineStart = lineEnd + 2;
      }
      if (chunked) {
        while (true) {
          String sizeLine = line(in);
          int semicolon = sizeLine.indexOf(';');
          long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
          if (size == 0) {
            while (!line(in).isEmpty()) {
              // trailers
            }
            break;
          }
          skip(in, buffer, size);
          line(in);
        }
      } else {
        skip(in, buffer, contentLength);
      }
      return status * 2 + (closeSeen ? 1 : 0);
    }

    private static void skip(InputStream in, byte[] buffer, long bytes) throws IOException {
      long skipped = 0;
      while (skipped < bytes) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, bytes - skipped));
        if (n < 0) {
          throw new IOException("closed mid-body");
        }
        skipped += n;
      }
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      int b;
      while ((b = in.read()) != '\n') {
        if (b < 0) {
          throw new IOException("closed mid-body");
        }
        if (b != '\r') {
          line.append((char) b);
        }
      }
      return line.toString();
    }
  }

  // ------------------------------------------------------------------ processes and /proc

  /** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
  private static final double TICKS = 100.0;

  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // after "pid (comm) ": state is field 3, utime 14, stime 15 (1-based over the whole line)
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static long rssBytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return 0;
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
  }

  private static Process start(List<String> command, String name) throws IOException {
    Path log = Files.createTempFile("mock-throughput-" + name + "-", ".log");
    System.out.println("starting " + name + ": " + String.join(" ", command) + "  (output: " + log + ")");
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void awaitHttp(int port, String path, Duration timeout) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("nothing answered on port " + port + " within " + timeout);
      }
      Thread.sleep(100);
    }
  }

  private static String send(HttpClient client, HttpRequest request, int... expected) throws Exception {
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
    for (int status : expected) {
      if (r.statusCode() == status) {
        return r.body();
      }
    }
    throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + r.statusCode() + ": "
        + r.body());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private static Path jarDirectory() throws Exception {
    Path location = Path.of(MockThroughputBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return location.getParent(); // benchmarks/target, from benchmarks.jar or from target/classes
  }

  private static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
