package dev.jobsdk.cli;

import dev.jobsdk.core.JobScheduler;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What a CLI run reads and writes: the environment, the two output streams, whether stderr is a
 * terminal, and (in tests) the scheduler every client and the demo's mock server share.
 *
 * @param env environment variables
 * @param out standard output: results and {@code --json}
 * @param err standard error: progress, notes and errors
 * @param terminal whether to draw a live progress line
 * @param scheduler the scheduler for every client, or null for the real one
 */
record CliContext(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal, JobScheduler scheduler) {

  static CliContext system() {
    return new CliContext(System.getenv(), System.out, System.err, System.console() != null, null);
  }

  Clock clock() {
    return scheduler != null ? scheduler.clock() : Clock.systemUTC();
  }
}
