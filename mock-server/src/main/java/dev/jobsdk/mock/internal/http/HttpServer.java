package dev.jobsdk.mock.internal.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server on {@link ServerSocket}: keep-alive, Content-Length and chunked request
 * bodies, TCP_NODELAY on every accepted socket, one daemon thread per connection from a pool.
 *
 * <p>Written for this mock rather than reusing an engine because the mock needs exact control of
 * every fault (a true connection reset, a truncated body) and a cheap hot path with flat memory.
 */
public final class HttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  /** Connections beyond this many are closed at once. */
  static final int MAX_CONNECTIONS = 1024;
  /** An idle keep-alive connection is closed after this long without a request. */
  static final int IDLE_TIMEOUT_MILLIS = 300_000;

  private final ServerSocket serverSocket;
  private final HttpHandler handler;
  private final ThreadPoolExecutor pool;
  private final Thread acceptor;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private HttpServer(ServerSocket serverSocket, HttpHandler handler) {
    this.serverSocket = serverSocket;
    this.handler = handler;
    int port = serverSocket.getLocalPort();
    AtomicInteger threadCount = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, "jobsdk-mock-" + port + "-conn-" + threadCount.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    this.acceptor = new Thread(this::acceptLoop, "jobsdk-mock-" + port + "-acceptor");
    this.acceptor.setDaemon(true);
  }

  /**
   * Binds 127.0.0.1 and starts accepting.
   *
   * @param port the port, 0 for any free port
   * @param handler turns requests into responses
   * @return the running server
   * @throws IOException when the port cannot be bound
   */
  public static HttpServer start(int port, HttpHandler handler) throws IOException {
    ServerSocket ss = new ServerSocket();
    try {
      ss.setReuseAddress(true);
      ss.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 512);
    } catch (IOException e) {
      ss.close();
      throw e;
    }
    HttpServer server = new HttpServer(ss, handler);
    server.acceptor.start();
    return server;
  }

  /** @return the bound port */
  public int port() {
    return serverSocket.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("accept failed", e);
        }
        continue;
      }
      try {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
        Connection connection = new Connection(socket, handler, connections);
        connections.add(connection);
        if (closed) {
          connection.close();
          break;
        }
        pool.execute(connection);
      } catch (SocketException | RejectedExecutionException e) {
        closeQuietly(socket);
      }
    }
  }

  /** Stops accepting, closes every open connection and stops the connection threads. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(serverSocket);
    for (Connection connection : connections) {
      connection.close();
    }
    pool.shutdownNow();
    try {
      acceptor.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // nothing left to do
    }
  }
}
