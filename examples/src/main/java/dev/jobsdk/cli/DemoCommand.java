package dev.jobsdk.cli;

import dev.jobsdk.core.WaitOptions;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.deepcurrent.BdJobHandle;
import dev.jobsdk.deepcurrent.BdJobOutcome;
import dev.jobsdk.deepcurrent.BdJobRequest;
import dev.jobsdk.deepcurrent.BdPreset;
import dev.jobsdk.deepcurrent.DeepCurrentClient;
import dev.jobsdk.deepcurrent.GrowthQuote;
import dev.jobsdk.deepcurrent.GrowthRun;
import dev.jobsdk.deepidv.AdverseMediaRequest;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.AdverseMediaScreening;
import dev.jobsdk.deepidv.DeepIdvClient;
import dev.jobsdk.examples.Sandbox;
import dev.jobsdk.jobs.Job;
import dev.jobsdk.jobs.JobsClient;
import dev.jobsdk.jobs.PromptPreviewRequest;
import dev.jobsdk.mock.MockJobServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code jobsdk demo}: one job of each kind, start to finish, against an embedded mock server whose
 * clock runs {@value Sandbox#TIME_SCALE} times faster than real time.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run one job of each kind against an embedded mock server, with live progress.")
final class DemoCommand implements Callable<Integer> {
  private final CliContext ctx;
  private final List<String[]> rows = new ArrayList<>();

  DemoCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    long started = System.nanoTime();
    MockJobServer server =
        ctx.scheduler() == null ? null : MockJobServer.builder().clock(ctx.scheduler().clock()).start();
    PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
    try (Sandbox sandbox = Sandbox.of(Map.of(), silent, server, ctx.scheduler())) {
      ctx.out().printf("jobsdk demo: four jobs against an embedded mock server at %s (its clock runs %.0fx)%n%n",
          sandbox.mock().baseUrl(), ctx.scheduler() == null ? Sandbox.TIME_SCALE : 1.0);
      Clock clock = sandbox.mockScheduler().clock();
      DeepCurrentClient deepCurrent = sandbox.deepCurrent();
      DeepIdvClient deepIdv = sandbox.deepIdv();
      JobsClient riskTool = sandbox.riskTool();

      step(clock, "[1/4] DeepCurrent BD job", r -> {
        BdJobHandle job = deepCurrent.bdJobs().create(BdJobRequest.builder()
            .preset(BdPreset.FULL_PIPELINE)
            .inputAssets(Map.of("companies", List.of(
                Map.of("company_name", "Acme Robotics", "website", "acme-robotics.com"),
                Map.of("company_name", "Globex", "website", "globex.example"))))
            .build());
        BdJobOutcome outcome = job.awaitResult(WaitOptions.of(r::update));
        Path file = deepCurrent.bdJobs().downloadAssetTo(job.id(), outcome.assets().get(0).assetId(), tempDir());
        return new Result(outcome.job(), outcome.result().summary().deliveredContacts().orElse(0) + " contacts delivered; downloaded " + file + " (" + size(file) + " bytes)");
      });
      step(clock, "[2/4] DeepCurrent growth run", r -> {
        GrowthQuote quote = deepCurrent.growth().quote(
            deepCurrent.growth().resolve("Find verified emails for 100 DeFi founders").goalPlan());
        GrowthRun run = deepCurrent.growth().run(quote).awaitCompletion(WaitOptions.of(deepCurrent.pollingPolicy(), r::update));
        return new Result(run, quote.creditsTotal().orElse(0) + " credits; stages " + run.progress().orElseThrow().stages()
            + "; delivered " + run.preview().path("delivered_counts"));
      });
      step(clock, "[3/4] DeepIDV adverse-media screening", r -> {
        AdverseMediaScreening screening = deepIdv.screening().adverseMedia(AdverseMediaRequest.builder()
            .email("jane.doe@example.com").firstName("Jane").lastName("Doe")
            .dateOfBirth("1985-04-12").country("ca").build());
        java.util.concurrent.atomic.AtomicReference<JobSnapshot> last = new java.util.concurrent.atomic.AtomicReference<>();
        AdverseMediaResult result = screening.awaitCompletion(WaitOptions.of(deepIdv.pollingPolicy(), s -> {
          last.set(s);
          r.update(s);
        }));
        return new Result(last.get(), "risk " + result.riskLevel() + " (" + result.riskScore() + "/100), "
            + result.totalHits() + " hits");
      });
      step(clock, "[4/4] Risk Intelligence Tool AI preview", r -> {
        Job done = riskTool.prompts().preview(PromptPreviewRequest.builder()
                .systemPrompt("You are an agricultural risk analyst.")
                .userPromptTemplate("Summarise the market risks for {{crop}} farmers.")
                .variable("crop", "coffee").build())
            .awaitCompletion(WaitOptions.of(JobsClient.DEFAULT_POLLING_POLICY, r::update));
        String output = done.aiPreviewResult().orElseThrow().output();
        return new Result(done, "\"" + (output.length() > 60 ? output.substring(0, 57) + "..." : output) + "\"");
      });
    } finally {
      if (server != null) {
        server.close();
      }
    }
    ctx.out().println();
    ctx.out().println("Summary");
    for (String[] row : rows) {
      ctx.out().printf("  %-40s %-10s %8s  %s%n", row[0], row[1], row[2], row[3]);
    }
    ctx.out().printf("%nAll four jobs succeeded in %.1f s of real time.%n", (System.nanoTime() - started) / 1e9);
    return ExitCodes.SUCCEEDED;
  }

  private record Result(JobSnapshot job, String detail) {}

  private interface Step {
    Result run(ProgressRenderer renderer) throws IOException;
  }

  private void step(Clock clock, String label, Step step) {
    ProgressRenderer renderer = new ProgressRenderer(ctx.err(), ctx.terminal(), clock, label, null);
    Instant start = clock.instant();
    Result result;
    try {
      result = step.run(renderer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      renderer.finish();
    }
    rows.add(new String[] {label.substring(6), result.job().rawStatus(),
        Durations.human(Duration.between(start, clock.instant())), result.detail()});
  }

  private static Path tempDir() throws IOException {
    Path dir = Files.createTempDirectory("jobsdk-demo-");
    dir.toFile().deleteOnExit();
    return dir;
  }

  private static long size(Path file) throws IOException {
    file.toFile().deleteOnExit();
    return Files.size(file);
  }

}
