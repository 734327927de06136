package dev.jobsdk.cli;

import dev.jobsdk.core.WaitOptions;
import dev.jobsdk.core.ClientBuilder;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.PollingPolicy;
import dev.jobsdk.core.ProgressListener;
import dev.jobsdk.deepcurrent.DeepCurrentClient;
import dev.jobsdk.deepidv.AsyncJob;
import dev.jobsdk.deepidv.DeepIdvClient;
import dev.jobsdk.jobs.JobsClient;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;

/**
 * One kind of job the CLI can look up and await, over the public SDK client of its vendor: {@code
 * bd}, {@code growth}, {@code deepidv} or {@code jobs}.
 */
interface JobFamily extends AutoCloseable {
  List<String> NAMES = List.of("bd", "growth", "deepidv", "jobs");

  JobSnapshot get(String id);

  JobSnapshot await(String id, PollingPolicy policy, ProgressListener<JobSnapshot> listener);

  PollingPolicy defaultPolicy();

  @Override
  void close();

  /**
   * Builds the family's client from the environment.
   *
   * @throws CommandLine.ParameterException for an unknown family or a missing variable
   */
  static JobFamily open(String name, CliContext ctx, CommandLine cmd) {
    switch (name) {
      case "bd":
      case "growth": {
        DeepCurrentClient c = withScheduler(fromEnv(DeepCurrentClient.builder(), ctx, cmd), ctx).build();
        return name.equals("bd") ? new Simple(c, c.pollingPolicy(), c.bdJobs()::retrieve,
                (id, p, l) -> c.bdJobs().handle(id).awaitCompletion(WaitOptions.of(p, l)))
            : new Simple(c, c.pollingPolicy(), c.growth()::retrieve,
                (id, p, l) -> c.growth().handle(id).awaitCompletion(WaitOptions.of(p, l)));
      }
      case "deepidv": {
        DeepIdvClient c = withScheduler(fromEnv(DeepIdvClient.builder(), ctx, cmd), ctx).build();
        return new Simple(c, c.pollingPolicy(), c.asyncJobs()::retrieve, (id, p, l) -> {
          // the wait returns the result; the listener's last call is the terminal snapshot
          AtomicReference<AsyncJob<JsonValue>> last = new AtomicReference<>();
          c.asyncJobs().handle(id, JsonValue.class).awaitCompletion(WaitOptions.of(p, job -> {
            last.set(job);
            l.onProgress(job);
          }));
          return last.get();
        });
      }
      case "jobs": {
        require(ctx, cmd, JobsClient.BASE_URL_ENV);
        JobsClient c = withScheduler(fromEnv(JobsClient.builder(), ctx, cmd), ctx).build();
        return new Simple(c, JobsClient.DEFAULT_POLLING_POLICY, c.jobs()::retrieve,
            (id, p, l) -> c.jobs().handle(id).awaitCompletion(WaitOptions.of(p, l)));
      }
      default:
        throw new CommandLine.ParameterException(cmd,
            "Unknown job family '" + name + "'; expected one of " + String.join(", ", NAMES));
    }
  }

  /** Uses the context's scheduler (a test's virtual time), if it has one. */
  private static <B extends ClientBuilder<B>> B withScheduler(B builder, CliContext ctx) {
    return ctx.scheduler() == null ? builder : builder.scheduler(ctx.scheduler());
  }

  /**
   * Applies the CLI's environment through the client's own {@code fromEnv}, so the CLI reads
   * exactly the variables the SDK documents; a missing or invalid one is a usage error.
   */
  private static <B extends ClientBuilder<B>> B fromEnv(B builder, CliContext ctx, CommandLine cmd) {
    try {
      return builder.fromEnv(ctx.env()::get);
    } catch (IllegalStateException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage());
    }
  }

  private static String require(CliContext ctx, CommandLine cmd, String variable) {
    String v = ctx.env().get(variable);
    if (v == null || v.isBlank()) {
      throw new CommandLine.ParameterException(cmd, variable + " is not set");
    }
    return v;
  }

  /** A wait over one vendor client's retrieve and await calls. */
  interface Waiter {
    JobSnapshot await(String id, PollingPolicy policy, ProgressListener<JobSnapshot> listener);
  }

  /** The family over one client. */
  final class Simple implements JobFamily {
    private final AutoCloseable client;
    private final PollingPolicy policy;
    private final java.util.function.Function<String, ? extends JobSnapshot> get;
    private final Waiter waiter;

    Simple(AutoCloseable client, PollingPolicy policy,
        java.util.function.Function<String, ? extends JobSnapshot> get, Waiter waiter) {
      this.client = client;
      this.policy = policy;
      this.get = get;
      this.waiter = waiter;
    }

    @Override
    public JobSnapshot get(String id) {
      return get.apply(id);
    }

    @Override
    public JobSnapshot await(String id, PollingPolicy p, ProgressListener<JobSnapshot> listener) {
      return waiter.await(id, p, listener);
    }

    @Override
    public PollingPolicy defaultPolicy() {
      return policy;
    }

    @Override
    public void close() {
      try {
        client.close();
      } catch (Exception ignored) {
        // nothing useful to do at exit
      }
    }
  }
}
