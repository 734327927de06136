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
   * The entry point.
   *
   * @param args {@code --port N}, {@code --seed N}, {@code --time-scale X}, {@code --start-time T},
   *     {@code --no-rate-limits}, {@code --help}
   */
  public static void main(String[] args) {
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
