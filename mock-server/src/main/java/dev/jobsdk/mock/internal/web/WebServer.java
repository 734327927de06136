package dev.jobsdk.mock.internal.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an {@link HttpHandler} through the JDK's built-in {@code com.sun.net.httpserver} engine (plain
 * or TLS) on 127.0.0.1, and maps each {@link HttpResponse.Disposition} onto it.
 *
 * <p>What the engine does not do for us, this adapter does: request bodies are read as they arrive
 * into a buffer that grows with the bytes received (a declared length allocates nothing), capped per
 * request and in total across connections; handler failures become a 500; a dropped connection is a
 * close before any response byte; a truncated body is the full Content-Length, half the bytes, then a
 * close. Handlers run on {@link Workers} (virtual threads where they cannot pin), so idle keep-alive
 * connections cost no thread at all (they wait in the engine's selector).
 *
 * <p>Engine tuning that the JDK reads only from system properties (TCP_NODELAY, request and response
 * deadlines, the idle timeout) is set by the standalone jar's {@code main}, never here: this class
 * runs inside users' test JVMs. Where TCP_NODELAY is off and the engine writes the headers and the
 * body of a response in two TCP segments (JDK 17 to 22, and TLS on any JDK), keep-alive requests would
 * each stall about 40 ms on Nagle's algorithm meeting the client's delayed ACK; there every response
 * carries {@code Connection: close}, so each request is the first on a fresh connection, which the
 * client's TCP acknowledges at once.
 */
public final class WebServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /**
   * A request body larger than this is answered 413. The vendors' requests are small JSON documents
   * (the Risk tool's upload sends metadata; the file goes to a presigned URL), so 1 MiB is generous.
   */
  public static final int MAX_BODY_BYTES = 1024 * 1024;
  /** The system property the JDK engine reads (once per JVM) to set TCP_NODELAY on every connection. */
  public static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private static final int READ_CHUNK = 8 * 1024;
  private static final byte[] EMPTY = new byte[0];
  private static final String ERROR_JSON_TYPE = "application/json";

  private final HttpServer server;
  private final HttpHandler handler;
  private final Workers workers;
  private final boolean tls;
  private final boolean closeEachConnection;
  private final AtomicLong bodyBudget;

  private WebServer(HttpServer server, HttpHandler handler, Workers workers, boolean tls) {
    this.server = server;
    this.handler = handler;
    this.workers = workers;
    this.tls = tls;
    this.closeEachConnection = keepAliveWouldStall(tls);
    this.bodyBudget = new AtomicLong(Math.max(4L * MAX_BODY_BYTES, Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8)));
  }

  /**
   * Binds 127.0.0.1 and starts serving.
   *
   * @param port the port, 0 for any free port
   * @param handler turns requests into responses
   * @param sslContext serves TLS with this context, or {@code null} for plain HTTP
   * @return the running server
   * @throws IOException when the port cannot be bound
   */
  public static WebServer start(int port, HttpHandler handler, SSLContext sslContext) throws IOException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
    HttpServer server;
    if (sslContext == null) {
      server = HttpServer.create(address, 512);
    } else {
      HttpsServer https = HttpsServer.create(address, 512);
      https.setHttpsConfigurator(new HttpsConfigurator(sslContext));
      server = https;
    }
    int bound = server.getAddress().getPort();
    Workers workers = Workers.create("jobsdk-mock-" + bound);
    WebServer web = new WebServer(server, handler, workers, sslContext != null);
    server.setExecutor(workers);
    server.createContext("/", web::serve);
    startAsDaemon(server);
    return web;
  }

  /**
   * The engine's dispatcher thread inherits the daemon flag of the thread that starts it: start it
   * from a daemon thread so that a server nobody closed never keeps a test JVM alive.
   */
  private static void startAsDaemon(HttpServer server) throws IOException {
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Thread starter = new Thread(() -> {
      try {
        server.start();
      } catch (RuntimeException e) {
        failure.set(e);
      }
    }, "jobsdk-mock-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.stop(0);
      throw new IOException("interrupted while starting", e);
    }
    if (failure.get() != null) {
      throw new IOException("cannot start the HTTP engine", failure.get());
    }
  }

  /**
   * Whether keep-alive requests would stall on Nagle's algorithm: the engine sends the headers and the
   * body in two writes unless TCP_NODELAY is on (JDK 23 and later buffer them into one write, but not
   * over TLS).
   */
  static boolean keepAliveWouldStall(boolean tls) {
    if (Boolean.getBoolean(NODELAY_PROPERTY)) {
      return false;
    }
    return tls || Runtime.version().feature() < 23;
  }

  /** @return the bound port */
  public int port() {
    return server.getAddress().getPort();
  }

  /** @return whether the server speaks TLS */
  public boolean tls() {
    return tls;
  }

  /** @return whether every response closes its connection (see the class comment) */
  public boolean closesEachConnection() {
    return closeEachConnection;
  }

  /** Stops accepting, closes every connection and stops the worker threads. */
  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  // ---------------------------------------------------------------- one exchange

  private void serve(HttpExchange exchange) {
    BodyReader reader = new BodyReader();
    try {
      byte[] body;
      try {
        if (declaredLength(exchange.getRequestHeaders()) > MAX_BODY_BYTES) {
          throw new BodyRefused(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
        }
        body = reader.read(exchange.getRequestBody());
      } catch (BodyRefused e) {
        HttpResponse refusal = error(e.status, e.getMessage());
        if (e.status == 503) {
          refusal.header("Retry-After", "1");
        }
        send(exchange, refusal, true);
        return;
      } catch (IOException e) {
        // malformed chunked framing or the client went away mid-body
        sendQuietly(exchange, error(400, "malformed or incomplete request body"));
        return;
      }
      HttpRequest request = request(exchange, body);
      HttpResponse response;
      try {
        response = handler.handle(request);
      } catch (RuntimeException e) {
        LOG.error("handler failed for {}", request, e);
        response = error(500, "mock server error");
      }
      if (response.delayMillis() > 0) {
        Thread.sleep(response.delayMillis());
      }
      switch (response.disposition()) {
        case RESET -> exchange.close(); // no response started: the engine closes the connection
        case TRUNCATE -> truncate(exchange, response, request.method());
        default -> send(exchange, response, false);
      }
    } catch (IOException e) {
      // the client went away or the engine closed the connection at a deadline
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      reader.release();
      exchange.close();
    }
  }

  private static long declaredLength(Headers headers) {
    String value = headers.getFirst("Content-Length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1; // the engine has already refused a malformed length with 400
    }
  }

  private static HttpRequest request(HttpExchange exchange, byte[] body) {
    String target = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    Headers headers = exchange.getRequestHeaders();
    int count = 0;
    for (List<String> values : headers.values()) {
      count += values.size();
    }
    String[] pairs = new String[2 * count];
    int i = 0;
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      for (String value : entry.getValue()) {
        pairs[i++] = entry.getKey();
        pairs[i++] = value;
      }
    }
    return new HttpRequest(exchange.getRequestMethod(), target == null || target.isEmpty() ? "/" : target, query,
        pairs, count, body);
  }

  private void send(HttpExchange exchange, HttpResponse response, boolean close) throws IOException {
    writeHeaders(exchange, response, close || closeEachConnection);
    byte[] body = response.body();
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    if (noBody(response.status()) || head) {
      if (head) {
        exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      }
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    if (body.length == 0) {
      exchange.getResponseHeaders().set("Content-Length", "0");
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(response.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static boolean noBody(int status) {
    return status < 200 || status == 204 || status == 304;
  }

  private static void sendQuietly(HttpExchange exchange, HttpResponse response) {
    try {
      exchange.getResponseHeaders().set("Connection", "close");
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      exchange.sendResponseHeaders(response.status(), response.body().length);
      exchange.getResponseBody().write(response.body());
    } catch (IOException | RuntimeException e) {
      // the connection is gone
    }
  }

  /** The full Content-Length, half the body, then the connection closes mid-body. */
  private void truncate(HttpExchange exchange, HttpResponse response, String method) throws IOException {
    byte[] body = response.body();
    writeHeaders(exchange, response, false);
    if (body.length == 0 || "HEAD".equals(method) || noBody(response.status())) {
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(response.status(), body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, body.length / 2);
    out.flush();
    // Closing the exchange with bytes still owed makes the engine close the connection.
    exchange.close();
  }

  private static void writeHeaders(HttpExchange exchange, HttpResponse response, boolean close) {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Server", "jobsdk-mock");
    if (response.contentType() != null) {
      headers.set("Content-Type", clean(response.contentType()));
    }
    String[] extra = response.headers();
    for (int i = 0; i < extra.length; i += 2) {
      headers.add(extra[i], clean(extra[i + 1]));
    }
    if (close) {
      headers.set("Connection", "close");
    }
  }

  /** A header value never carries control characters (no header injection through a value). */
  static String clean(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f || c > 0xff) {
        StringBuilder out = new StringBuilder(value.length());
        for (int j = 0; j < value.length(); j++) {
          char d = value.charAt(j);
          out.append(d < 0x20 && d != '\t' || d == 0x7f || d > 0xff ? ' ' : d);
        }
        return out.toString();
      }
    }
    return value;
  }

  private static HttpResponse error(int status, String message) {
    return HttpResponse.text(status, ERROR_JSON_TYPE,
        "{\"error\":\"" + HttpStatus.reason(status) + "\",\"message\":\"" + message + "\"}");
  }

  /** Reads a body as it arrives, charging every buffered byte to the server-wide budget. */
  private final class BodyReader {
    long reserved;

    byte[] read(InputStream in) throws IOException {
      byte[] buffer = EMPTY;
      int length = 0;
      while (true) {
        if (length == buffer.length) {
          int grown = buffer.length == 0 ? READ_CHUNK : Math.min(buffer.length * 2, MAX_BODY_BYTES + 1);
          if (grown <= buffer.length) {
            throw new BodyRefused(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
          }
          buffer = copy(buffer, grown);
        }
        int n = in.read(buffer, length, buffer.length - length);
        if (n < 0) {
          return length == buffer.length ? buffer : copy(buffer, length);
        }
        length += n;
        if (length > MAX_BODY_BYTES) {
          throw new BodyRefused(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
        }
      }
    }

    /** Copies into a new array, charging it while both are alive, then releasing the old one. */
    private byte[] copy(byte[] buffer, int size) throws BodyRefused {
      reserve(size);
      byte[] copy = Arrays.copyOf(buffer, size);
      bodyBudget.addAndGet(buffer.length);
      reserved -= buffer.length;
      return copy;
    }

    void release() {
      bodyBudget.addAndGet(reserved);
      reserved = 0;
    }

    private void reserve(long bytes) throws BodyRefused {
      if (bodyBudget.addAndGet(-bytes) < 0) {
        bodyBudget.addAndGet(bytes);
        throw new BodyRefused(503, "too many large request bodies in flight; retry later");
      }
      reserved += bytes;
    }
  }

  /** A body the server will not buffer. */
  private static final class BodyRefused extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    BodyRefused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** @return the workers' executor, for tests */
  ExecutorService workers() {
    return workers;
  }
}
