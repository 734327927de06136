package dev.jobsdk.mock;

import dev.jobsdk.mock.internal.standalone.Standalone;

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
   *     {@code --help}
   */
  public static void main(String[] args) {
    int status = Standalone.run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }
}
