package dev.jobsdk.mock;

import dev.jobsdk.mock.internal.standalone.Standalone;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the mock server standalone:
 * {@code java -jar mock-server/target/mock-server.jar --port 8080 [--seed N] [--time-scale X]}.
 * Prints the base URLs and demo credentials, runs the clock at real time multiplied by the time scale,
 * serves the admin API under {@code /__mock/}, and stops cleanly on Ctrl+C (SIGINT).
 */
public final class Main {

  private Main() {
  }

  /**
   * Tunes the JDK's HTTP engine, which reads these settings only from system properties, once per JVM.
   * Only here, in the standalone process: a library must not change its users' JVM. A {@code -D} given
   * on the command line wins.
   * <ul>
   *   <li>TCP_NODELAY on every connection, so keep-alive requests never wait on Nagle's algorithm;</li>
   *   <li>a request's headers and body must arrive within 10 s, else the connection is closed;</li>
   *   <li>a response must be computed and written within 120 s (latency faults included), so a client
   *       that stops reading cannot hold a thread;</li>
   *   <li>idle keep-alive connections close after 30 s;</li>
   *   <li>up to 2,000 idle keep-alive connections are kept (the JDK's default of 200 is less than one
   *       busy client's pool, whose connections the server would keep closing as they went idle).</li>
   * </ul>
   */
  static void tuneEngine() {
    setIfAbsent("sun.net.httpserver.nodelay", "true");
    setIfAbsent("sun.net.httpserver.maxReqTime", "10");
    setIfAbsent("sun.net.httpserver.maxRspTime", "120");
    setIfAbsent("sun.net.httpserver.idleInterval", "30");
    setIfAbsent("sun.net.httpserver.maxIdleConnections", "2000");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /**
   * The entry point.
   *
   * @param args {@code --port N}, {@code --seed N}, {@code --time-scale X}, {@code --start-time T},
   *     {@code --no-rate-limits}, {@code --tls}, {@code --help}
   */
  public static void main(String[] args) {
    tuneEngine();
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.countDown();
      try {
        stopped.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "jobsdk-mock-shutdown"));
    int status = Standalone.run(args, System.out, System.err, stop);
    stopped.countDown();
    if (status != 0) {
      System.exit(status);
    }
  }
}
