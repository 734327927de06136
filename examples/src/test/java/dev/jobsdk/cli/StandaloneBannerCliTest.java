package dev.jobsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.mock.internal.standalone.Standalone;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A new user's first minute: start the standalone mock, paste its {@code export} lines, and await the
 * demo jobs it printed with the CLI. Nothing here is typed by hand but what the banner printed.
 */
@Timeout(60)
class StandaloneBannerCliTest {

  private final ByteArrayOutputStream banner = new ByteArrayOutputStream();
  private final CountDownLatch stop = new CountDownLatch(1);
  private CompletableFuture<Integer> exit;
  private final Map<String, String> env = new HashMap<>();
  private String text;

  @BeforeEach
  void start() throws InterruptedException {
    PrintStream out = new PrintStream(banner, true, StandardCharsets.UTF_8);
    exit = CompletableFuture.supplyAsync(() -> Standalone.run(new String[] {"--port", "0"}, out, System.err, stop));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!banner.toString(StandardCharsets.UTF_8).contains("Press Ctrl+C") && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    text = banner.toString(StandardCharsets.UTF_8);
    Matcher exports = Pattern.compile("(?m)^\\s*export (.+)$").matcher(text);
    while (exports.find()) {
      for (String assignment : exports.group(1).trim().split(" +")) {
        int eq = assignment.indexOf('=');
        env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
      }
    }
  }

  @AfterEach
  void stop() throws Exception {
    stop.countDown();
    assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
  }

  private String job(String family, String state) {
    Matcher m = Pattern.compile("(?m)^\\s+" + family + "\\s+([0-9a-f-]{36})\\s+" + state + "\\b").matcher(text);
    assertThat(m.find()).as("a %s job %s in:%n%s", state, family, text).isTrue();
    return m.group(1);
  }

  private int cli(String... args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    CliContext ctx = new CliContext(env, new PrintStream(sink, true, StandardCharsets.UTF_8),
        new PrintStream(sink, true, StandardCharsets.UTF_8), false, null);
    return JobsdkCli.run(ctx, args);
  }

  @Test
  void exportLines_setEveryVariableTheCliReads_withRootBaseUrls() {
    assertThat(env).containsKeys("DEEPCURRENT_BASE_URL", "DEEPCURRENT_API_KEY", "DEEPIDV_BASE_URL", "DEEPIDV_API_KEY",
        "JOBS_BASE_URL", "JOBS_EMAIL", "JOBS_PASSWORD");
    assertThat(env.get("DEEPIDV_BASE_URL")).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(env.get("JOBS_BASE_URL")).isEqualTo(env.get("DEEPIDV_BASE_URL"));
  }

  @Test
  void printedJobs_awaitWithThePrintedVariables_inEveryFamily() {
    for (String family : new String[] {"bd", "growth", "deepidv", "jobs"}) {
      assertThat(cli("await", family, job(family, "completed"), "--quiet")).as(family + " completed").isZero();
      assertThat(cli("await", family, job(family, "failed"), "--quiet")).as(family + " failed").isEqualTo(1);
      assertThat(cli("get", family, job(family, "running"))).as(family + " running").isZero();
    }
  }
}
