package dev.jobsdk.cli;

import dev.jobsdk.core.JobSdkException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code jobsdk}: look up and await jobs of DeepCurrent, DeepIDV and the Risk Intelligence Tool
 * from the command line, or run the demo against an embedded mock server.
 */
@Command(
    name = "jobsdk",
    mixinStandardHelpOptions = true,
    versionProvider = JobsdkCli.Version.class,
    description = {
      "Look up and await long-running jobs of DeepCurrent, DeepIDV and the CGIAR Risk Intelligence Tool.",
      "With no command, runs the demo against an embedded mock server."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the job succeeded (or was retrieved)",
      " 1:the job failed",
      " 2:the job was cancelled",
      " 3:the wait timed out",
      " 4:no such job, or it expired",
      " 5:authentication or permission denied",
      " 6:any other API or connection error",
      "64:usage error"
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  DEEPCURRENT_BASE_URL, DEEPCURRENT_API_KEY   families bd and growth (a dc_ key,",
      "    or DEEPCURRENT_ACCESS_TOKEN: a JWT from /api/v1/login/access-token)",
      "  DEEPIDV_BASE_URL, DEEPIDV_API_KEY           family deepidv",
      "  JOBS_BASE_URL, JOBS_TOKEN                   family jobs (or JOBS_EMAIL and JOBS_PASSWORD)",
      "Plain http is accepted for loopback hosts only."
    })
public final class JobsdkCli implements Callable<Integer> {
  final CliContext ctx;

  JobsdkCli(CliContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Runs the CLI and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(run(CliContext.system(), args));
  }

  /**
   * Runs the CLI.
   *
   * @param ctx environment and streams
   * @param args the command line
   * @return the exit code
   */
  static int run(CliContext ctx, String... args) {
    CommandLine cmd = new CommandLine(new JobsdkCli(ctx));
    cmd.addSubcommand("demo", new DemoCommand(ctx));
    cmd.addSubcommand("get", new GetCommand(ctx));
    cmd.addSubcommand("await", new AwaitCommand(ctx));
    cmd.setOut(new java.io.PrintWriter(ctx.out(), true));
    cmd.setErr(new java.io.PrintWriter(ctx.err(), true));
    cmd.setParameterExceptionHandler((e, a) -> {
      ctx.err().println("jobsdk: " + e.getMessage());
      ctx.err().println("Try 'jobsdk " + (e.getCommandLine().getParent() == null ? "" : e.getCommandLine().getCommandName() + " ") + "--help'.");
      return ExitCodes.USAGE;
    });
    cmd.setExecutionExceptionHandler((e, c, parsed) -> {
      if (e instanceof CommandLine.ParameterException pe) {
        return c.getParameterExceptionHandler().handleParseException(pe, args);
      }
      ctx.err().println("jobsdk: " + describe(e));
      return ExitCodes.of(e);
    });
    return cmd.execute(args);
  }

  static String describe(Throwable e) {
    if (e instanceof JobSdkException || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
      return e.getMessage();
    }
    return e.toString();
  }

  /** With no command: the demo. */
  @Override
  public Integer call() {
    return new DemoCommand(ctx).call();
  }

  /** Prints the SDK version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Package p = JobsdkCli.class.getPackage();
      String v = p.getImplementationVersion();
      return new String[] {"jobsdk " + (v != null ? v : "0.1.0-SNAPSHOT")};
    }
  }
}
