package dev.jobsdk.mock.internal.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Hostile clients against the standalone jar in its own JVM on a 64 MiB heap: hundreds of idle and
 * slow connections, bodies declared and never sent, malformed framing and huge inputs, all at once.
 * A normal client must still be answered promptly, the process must stay up (it exits on the first
 * OutOfMemoryError) with its memory bounded, and the engine's request deadline must close the slow
 * connections. Run by failsafe after {@code package}, when the jar exists.
 */
@EnabledOnOs(OS.LINUX) // reads /proc for the child's RSS
class HostileClientsIT {

  private static final int IDLE = 400;
  private static final int SLOW_HEADERS = 100;
  private static final int UNSENT_BODIES = 40;
  private static final int BIG_BODIES = 6;
  /** The request deadline given to the child, in seconds (the jar's own default is 10). */
  private static final int REQUEST_DEADLINE = 2;

  private final List<Socket> sockets = new ArrayList<>();
  private Process child;
  private Path childLog;

  @AfterEach
  void cleanUp() throws InterruptedException {
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
    if (child != null) {
      child.destroy();
      if (!child.waitFor(10, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }

  @Test
  void normalRequestsAreAnswered_memoryStaysBounded_andSlowClientsAreCutOff() throws Exception {
    int port = startChild();
    long rssBefore = rssKiB(child.pid());

    // idle connections: connect, send nothing
    for (int i = 0; i < IDLE; i++) {
      sockets.add(connect(port));
    }
    // slow headers: a request line and part of a header, never the blank line
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < SLOW_HEADERS; i++) {
      Socket s = connect(port);
      send(s, "GET /v1/async-jobs/x HTTP/1.1\r\nHost: t\r\nX-Slow: ");
      slow.add(s);
      sockets.add(s);
    }
    // bodies declared just under the 1 MiB cap and never sent
    List<Socket> unsent = new ArrayList<>();
    for (int i = 0; i < UNSENT_BODIES; i++) {
      Socket s = connect(port);
      send(s, "POST /v1/screening/adverse-media HTTP/1.1\r\nHost: t\r\nx-api-key: sk_test_org_a\r\n"
          + "Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n");
      unsent.add(s);
      sockets.add(s);
    }
    // big bodies actually streamed, more than the heap could hold at once
    List<Thread> streamers = new ArrayList<>();
    List<String> bigAnswers = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < BIG_BODIES; i++) {
      Socket s = connect(port);
      sockets.add(s);
      Thread t = new Thread(() -> bigAnswers.add(streamChunkedBody(s, 12 << 20)));
      t.setDaemon(true);
      t.start();
      streamers.add(t);
    }

    // malformed framing and huge inputs, each answered with a 4xx or closed, never a crash
    List<String> malformed = List.of(
        "\u0000\u0001\u0002garbage\r\n\r\n",
        "GET / HTTP/9.9\r\nHost: t\r\n\r\n",
        "GET /v1/async-jobs/x HTTP/1.1\r\nHost: t\r\nContent-Length: -5\r\n\r\n",
        "GET /v1/async-jobs/x HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999999999999999999\r\n\r\n",
        "POST /v1/screening/adverse-media HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "FFFFFFFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n",
        "POST /v1/screening/adverse-media HTTP/1.1\r\nHost: t\r\nContent-Length: 104857600\r\n\r\n",
        "GET /" + "a".repeat(1 << 20) + " HTTP/1.1\r\nHost: t\r\n\r\n",
        "GET /v1/async-jobs/x HTTP/1.1\r\nHost: t\r\nX-Huge: " + "b".repeat(1 << 20) + "\r\n\r\n",
        "GET /v1/async-jobs/x HTTP/1.1\r\n" + "X-Many: c\r\n".repeat(5000) + "\r\n");
    List<String> answers = new ArrayList<>();
    for (String request : malformed) {
      answers.add(firstLineOrClosed(port, request));
    }
    System.out.println("malformed/huge answers: " + answers);
    for (String answer : answers) {
      assertThat(answer).as(answers.toString()).matches("HTTP/1\\.1 \\d{3} .*|closed");
    }
    assertThat(answers.subList(2, 5)).as("bad lengths and chunk sizes").allMatch(a -> a.startsWith("HTTP/1.1 400"));
    assertThat(answers.get(5)).as("a declared 100 MB body").startsWith("HTTP/1.1 413");

    // a normal client, while all of that is open
    long t0 = System.nanoTime();
    String subject = "{\"email\":\"jane.doe@example.com\",\"firstName\":\"Jane\",\"lastName\":\"Doe\","
        + "\"dateOfBirth\":\"1985-04-12\",\"country\":\"ca\"}";
    String created = exchange(port, "POST /v1/screening/adverse-media HTTP/1.1\r\nHost: t\r\n"
        + "x-api-key: sk_test_org_a\r\nContent-Type: application/json\r\nContent-Length: " + subject.length()
        + "\r\n\r\n" + subject);
    Matcher id = Pattern.compile("\"(?:jobId|id)\"\\s*:\\s*\"([^\"]+)\"").matcher(created);
    assertThat(id.find()).as(created).isTrue();
    String polled = exchange(port, "GET /v1/async-jobs/" + id.group(1) + " HTTP/1.1\r\nHost: t\r\n"
        + "x-api-key: sk_test_org_a\r\n\r\n");
    long normalMillis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(polled).startsWith("HTTP/1.1 200");
    assertThat(normalMillis).isLessThan(3_000);

    for (Thread t : streamers) {
      t.join(20_000);
    }
    assertThat(bigAnswers).hasSize(BIG_BODIES).allMatch(a -> a.matches("HTTP/1\\.1 (413|503) .*|closed"));

    // the request deadline closes slow and unsent connections; the process is still up
    long deadlineStart = System.nanoTime();
    int slowClosed = countClosed(slow, REQUEST_DEADLINE * 1000L + 4_000);
    int unsentClosed = countClosed(unsent, 2_000);
    double closedAfter = (System.nanoTime() - deadlineStart) / 1e9;
    long rssAfter = rssKiB(child.pid());
    assertThat(child.isAlive()).as("the server survived (it exits on OutOfMemoryError): %s", childOutput()).isTrue();
    assertThat(slowClosed).isEqualTo(SLOW_HEADERS);
    assertThat(unsentClosed).isEqualTo(UNSENT_BODIES);
    String after;
    try {
      after = exchange(port, "GET /v1/async-jobs/" + id.group(1) + " HTTP/1.1\r\nHost: t\r\n"
          + "x-api-key: sk_test_org_a\r\n\r\n");
    } catch (IOException e) {
      throw new AssertionError("no answer after the load (child alive: " + child.isAlive() + "): " + childOutput(), e);
    }
    assertThat(after).startsWith("HTTP/1.1 200");
    assertThat(rssAfter).as("RSS KiB").isLessThan(400 * 1024);

    System.out.printf(Locale.ROOT, "hostile clients: %d idle, %d slow-header, %d unsent-body, %d x 12 MiB streamed"
        + " bodies, %d malformed/huge; a normal create+poll took %d ms; slow and unsent connections closed"
        + " %.1f s after the load; child RSS %d MiB before, %d MiB after (-Xmx64m)%n", IDLE, SLOW_HEADERS,
        UNSENT_BODIES, BIG_BODIES, malformed.size(), normalMillis, closedAfter, rssBefore / 1024, rssAfter / 1024);
  }

  private int startChild() throws IOException {
    Path jar = Path.of(System.getProperty("mock.jar", "target/mock-server.jar"));
    assertThat(jar).as("the standalone jar (built by package)").isRegularFile();
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    childLog = Files.createTempFile("hostile-clients-child-", ".log");
    child = new ProcessBuilder(javaBin, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
        "-Dsun.net.httpserver.maxReqTime=" + REQUEST_DEADLINE, "-jar", jar.toString(), "--port", "0")
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    Pattern listening = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = listening.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> {
          try (Writer log = Files.newBufferedWriter(childLog)) {
            log.write(seen.toString());
            out.transferTo(log);
          } catch (IOException e) {
            // the child is gone
          }
        });
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
    }
    throw new AssertionError("the jar did not start:\n" + seen);
  }

  private String childOutput() {
    try {
      return Files.readString(childLog);
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Sends a request on a fresh connection; returns the whole response (Content-Length framed). */
  private static String exchange(int port, String request) throws IOException {
    try (Socket socket = connect(port)) {
      send(socket, request);
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("closed after " + head);
        }
        head.write(b);
        matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
      }
      String headers = head.toString(StandardCharsets.ISO_8859_1);
      int length = 0;
      for (String line : headers.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
  }

  /** The status line of the answer, or {@code closed} when the server closed without one. */
  private static String firstLineOrClosed(int port, String request) {
    try (Socket socket = connect(port)) {
      try {
        send(socket, request);
      } catch (IOException e) {
        // the server may refuse before reading everything; read what it said
      }
      return statusLine(socket.getInputStream());
    } catch (IOException e) {
      return "closed";
    }
  }

  private static String statusLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1).trim();
    return text.isEmpty() ? "closed" : text;
  }

  /** Streams a chunked body of {@code bytes} and returns the status line the server answered with. */
  private static String streamChunkedBody(Socket socket, int bytes) {
    try {
      send(socket, "POST /v1/screening/adverse-media HTTP/1.1\r\nHost: t\r\nx-api-key: sk_test_org_a\r\n"
          + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
      try {
        for (int sent = 0; sent < bytes; sent += chunk.length) {
          out.write(size);
          out.write(chunk);
          out.write('\r');
          out.write('\n');
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException e) {
        // refused mid-body: read the answer
      }
      return statusLine(socket.getInputStream());
    } catch (IOException e) {
      return "closed";
    }
  }

  /** How many of the sockets the server closes (EOF or reset) within the time given. */
  private static int countClosed(List<Socket> sockets, long withinMillis) throws IOException {
    long deadline = System.currentTimeMillis() + withinMillis;
    int closed = 0;
    for (Socket socket : sockets) {
      long left = Math.max(1, deadline - System.currentTimeMillis());
      socket.setSoTimeout((int) left);
      try {
        InputStream in = socket.getInputStream();
        while (in.read() >= 0) {
          // an error answer before the close is fine
        }
        closed++;
      } catch (SocketTimeoutException e) {
        // still open
      } catch (IOException e) {
        closed++; // reset
      }
    }
    return closed;
  }

  private static long rssKiB(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already gone
    }
  }
}
