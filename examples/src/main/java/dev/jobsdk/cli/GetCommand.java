package dev.jobsdk.cli;

import dev.jobsdk.core.JobSnapshot;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobsdk get <family> <id>}: fetches a job once. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Fetch a job once and print it.")
final class GetCommand implements Callable<Integer> {
  private final CliContext ctx;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<family>", description = "bd, growth, deepidv or jobs")
  String family;

  @Parameters(index = "1", paramLabel = "<id>", description = "the job's id")
  String id;

  @Option(names = "--json", description = "print the job as the API returned it, as one JSON line")
  boolean json;

  GetCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (JobFamily f = JobFamily.open(family, ctx, spec.commandLine())) {
      JobSnapshot job = f.get(id);
      ctx.out().println(json ? Output.json(job) : Output.line(job));
      return ExitCodes.SUCCEEDED;
    }
  }
}
