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
    subcommands = CommandLine.HelpCommand.class,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the job succeeded (or was retrieved)",
      " 1:the job failed",
      " 2:the job was cancelled",
      " 3:the wait timed out",
      " 4:no such job, or it expired",
      " 5:authentication or permission denied",
      " 6:any other API or connection error",
      "64:usage error",
      "130:interrupted (Ctrl-C) while waiting; the job goes on running on the server"
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  DEEPCURRENT_BASE_URL, DEEPCURRENT_API_KEY   families bd and growth (a dc_ key,",
      "    or DEEPCURRENT_ACCESS_TOKEN: a JWT from /api/v1/login/access-token)",
      "  DEEPIDV_BASE_URL, DEEPIDV_API_KEY           family deepidv",
      "  JOBS_BASE_URL, JOBS_TOKEN                   family jobs (or JOBS_EMAIL and JOBS_PASSWORD)",
      "Plain http is accepted for loopback hosts only. 'jobsdk help <command>' describes a command."
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
    describe(cmd.getSubcommands().get("get"), ENVIRONMENT, GET_EXIT_CODES);
    describe(cmd.getSubcommands().get("await"), ENVIRONMENT, AWAIT_EXIT_CODES);
    describe(cmd.getSubcommands().get("demo"), new String[] {
        "  None: the demo starts its own mock server and ignores the variables of the other commands."},
        new String[] {" 0:all four jobs succeeded", " 6:a job or the mock server failed", "64:usage error"});
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
      return Durations.humanize(e.getMessage());
    }
    return e.toString();
  }

  private static final String[] ENVIRONMENT = {
    "  DEEPCURRENT_BASE_URL, DEEPCURRENT_API_KEY   families bd and growth",
    "  DEEPIDV_BASE_URL, DEEPIDV_API_KEY           family deepidv",
    "  JOBS_BASE_URL, JOBS_TOKEN                   family jobs (or JOBS_EMAIL and JOBS_PASSWORD)",
    "Plain http is accepted for loopback hosts only."
  };
  private static final String[] GET_EXIT_CODES = {
    " 0:the job was retrieved (whatever its status)",
    " 4:no such job, or it expired",
    " 5:authentication or permission denied",
    " 6:any other API or connection error",
    "64:usage error"
  };
  private static final String[] AWAIT_EXIT_CODES = {
    " 0:the job succeeded",
    " 1:the job failed",
    " 2:the job was cancelled",
    " 3:the wait timed out (--timeout, or the vendor's limit); the job may still finish",
    " 4:no such job, or it expired",
    " 5:authentication or permission denied",
    " 6:any other API or connection error",
    "64:usage error",
    "130:interrupted (Ctrl-C); the job goes on running on the server"
  };

  /** Gives a subcommand's help its variables and exit codes, as the top command's help has. */
  private static void describe(CommandLine sub, String[] environment, String[] exitCodes) {
    java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
    for (String line : exitCodes) {
      int colon = line.indexOf(':');
      codes.put(line.substring(0, colon), line.substring(colon + 1));
    }
    sub.getCommandSpec().usageMessage()
        .footerHeading("%nEnvironment:%n").footer(environment)
        .exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
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
