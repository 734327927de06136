package dev.jobsdk.cli;

import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JobWaitException;
import dev.jobsdk.core.PollingPolicy;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobsdk await <family> <id>}: waits for a job to end, showing its progress. */
@Command(name = "await", mixinStandardHelpOptions = true,
    description = {"Wait until a job ends, showing its progress; the exit code says how it ended.",
        "Ctrl-C stops the wait only: the job goes on running on the server, and the same command waits for it again."})
final class AwaitCommand implements Callable<Integer> {
  private final CliContext ctx;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<family>", description = "bd, growth, deepidv or jobs")
  String family;

  @Parameters(index = "1", paramLabel = "<id>", description = "the job's id")
  String id;

  @Option(names = "--timeout", paramLabel = "<duration>", converter = Durations.class,
      description = "give up after this long, e.g. 90s, 5m, 1h (default: the vendor's policy)")
  Duration timeout;

  @Option(names = "--poll-interval", paramLabel = "<duration>", converter = Durations.class,
      description = "poll at this fixed interval, e.g. 250ms, 2s (default: the vendor's back-off)")
  Duration pollInterval;

  @Option(names = "--json", description = "print the final job as the API returned it, as one JSON line")
  boolean json;

  @Option(names = "--quiet", description = "show no progress")
  boolean quiet;

  AwaitCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (JobFamily f = JobFamily.open(family, ctx, spec.commandLine())) {
      PollingPolicy.Builder policy = f.defaultPolicy().toBuilder();
      if (timeout != null) {
        policy.totalTimeout(timeout);
      }
      if (pollInterval != null) {
        policy.maxInterval(pollInterval).interval(pollInterval).multiplier(1.0).jitter(PollingPolicy.Jitter.NONE);
      }
      ProgressRenderer renderer = new ProgressRenderer(ctx.err(), ctx.terminal(), ctx.clock(), null, ctx.ticker());
      Runnable stopListening = ctx.interrupts().register(() -> {
        renderer.finish();
        ctx.err().println("jobsdk: interrupted. Job " + id + " goes on running on the server; nothing was cancelled.");
        ctx.err().println("Wait for it again with: jobsdk await " + family + " " + id);
        ctx.err().flush();
      });
      try {
        JobSnapshot done = f.await(id, policy.build(), quiet ? s -> {} : renderer::update);
        renderer.finish();
        ctx.out().println(json ? Output.json(done) : Output.line(done));
        return ExitCodes.SUCCEEDED;
      } catch (JobWaitException e) {
        renderer.finish();
        if (json && e.lastSnapshot().isPresent()) {
          ctx.out().println(Output.json(e.lastSnapshot().get()));
        }
        ctx.err().println("jobsdk: " + Durations.humanize(e.getMessage()));
        return ExitCodes.of(e);
      } catch (RuntimeException e) {
        renderer.finish();
        throw e;
      } finally {
        stopListening.run();
      }
    }
  }
}
