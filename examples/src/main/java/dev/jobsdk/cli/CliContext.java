package dev.jobsdk.cli;

import dev.jobsdk.core.JobScheduler;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a CLI run reads and writes: the environment, the two output streams, whether stderr is a
 * terminal, (in tests) the scheduler every client and the demo's mock server share, and where Ctrl-C
 * is heard.
 *
 * @param env environment variables
 * @param out standard output: results and {@code --json}
 * @param err standard error: progress, notes and errors
 * @param terminal whether to draw a live progress line
 * @param scheduler the scheduler for every client, or null for the real one
 * @param interrupts where the CLI hears Ctrl-C
 */
record CliContext(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal, JobScheduler scheduler,
    Interrupts interrupts) {

  /** Where the CLI hears Ctrl-C (SIGINT): the JVM's shutdown hooks, or a test's hand. */
  interface Interrupts {
    /**
     * Runs {@code onInterrupt} if the process is interrupted before the returned handle runs.
     *
     * @return run it to stop listening
     */
    Runnable register(Runnable onInterrupt);

    /** On Ctrl-C the JVM runs its shutdown hooks, then exits with 130. */
    Interrupts JVM = onInterrupt -> {
      Thread hook = new Thread(onInterrupt, "jobsdk-interrupt");
      Runtime.getRuntime().addShutdownHook(hook);
      return () -> {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or has run
        }
      };
    };
  }

  /** A context that hears Ctrl-C through the JVM's shutdown hooks. */
  CliContext(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal, JobScheduler scheduler) {
    this(env, out, err, terminal, scheduler, Interrupts.JVM);
  }

  static CliContext system() {
    return new CliContext(System.getenv(), System.out, System.err, System.console() != null, null);
  }

  Clock clock() {
    return scheduler != null ? scheduler.clock() : Clock.systemUTC();
  }

  /** The live progress line's once-a-second redraw: on the injected scheduler, else a daemon timer. */
  ProgressRenderer.Ticker ticker() {
    if (scheduler != null) {
      return scheduler::schedule;
    }
    return (delay, task) -> {
      ScheduledFuture<?> f = RealTime.TIMER.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
      return () -> f.cancel(false);
    };
  }

  /** Created on first use only: the demo and tests never start it. */
  private static final class RealTime {
    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "jobsdk-progress-tick");
      t.setDaemon(true);
      return t;
    });
  }
}
