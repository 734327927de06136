package dev.jobsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.core.JobState;
import dev.jobsdk.core.JobSnapshot;
import dev.jobsdk.core.Progress;
import dev.jobsdk.core.testing.VirtualScheduler;
import dev.jobsdk.mock.Lifecycle;
import dev.jobsdk.mock.MockCredentials;
import dev.jobsdk.mock.MockJobServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person sees: a clock that ticks, honest bars, readable durations, help, and Ctrl-C. */
@Timeout(60)
class CliPolishTest {
  final VirtualScheduler time = VirtualScheduler.create();
  final Map<String, String> env = new HashMap<>();
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final List<Runnable> interruptHooks = new ArrayList<>();
  Duration pressCtrlCAfter;
  MockJobServer server;

  @BeforeEach
  void start() {
    server = MockJobServer.builder().clock(time.clock()).start();
    env.put("DEEPCURRENT_BASE_URL", server.deepCurrentBaseUrl());
    env.put("DEEPCURRENT_API_KEY", MockCredentials.DEEPCURRENT_PAID_KEY);
    env.put("DEEPIDV_BASE_URL", server.deepIdvBaseUrl());
    env.put("DEEPIDV_API_KEY", MockCredentials.DEEPIDV_ORG_A_KEY);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  int run(boolean terminal, String... args) {
    CliContext.Interrupts interrupts = hook -> {
      interruptHooks.add(hook);
      if (pressCtrlCAfter != null) {
        time.schedule(pressCtrlCAfter, hook);
      }
      return () -> interruptHooks.remove(hook);
    };
    CliContext ctx = new CliContext(env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), terminal, time, interrupts);
    return JobsdkCli.run(ctx, args);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** The elapsed times the live line showed, in order. */
  List<String> elapsedShown() {
    List<String> shown = new ArrayList<>();
    Matcher m = Pattern.compile("\\((\\d\\d:\\d\\d)\\)").matcher(err());
    while (m.find()) {
      shown.add(m.group(1));
    }
    return shown;
  }

  @Test
  void onATerminal_theElapsedTimeTicksEverySecond_betweenPollsThirtySecondsApart() {
    String id = server.deepCurrent().createBdJob(MockCredentials.DEEPCURRENT_PAID_KEY, "full_pipeline",
        Lifecycle.builder().stage("contact_discovery", Duration.ofSeconds(70), "Discovering contacts...").succeed().build());

    assertThat(run(true, "await", "bd", id, "--poll-interval", "30s")).isZero();

    assertThat(elapsedShown()).containsSubsequence("00:01", "00:02", "00:03", "00:29", "00:30", "00:31", "01:00");
    assertThat(server.journal().pollsOf(id)).isLessThanOrEqualTo(4);
    assertThat(time.pendingTasks()).as("the ticking stops with the wait").isZero();
  }

  @Test
  void offATerminal_thereIsOneLinePerChange_andNoTicking() {
    String id = server.deepCurrent().createBdJob(MockCredentials.DEEPCURRENT_PAID_KEY, "full_pipeline",
        Lifecycle.builder().stage("contact_discovery", Duration.ofSeconds(70), "Discovering contacts...").succeed().build());
    assertThat(run(false, "await", "bd", id, "--poll-interval", "30s")).isZero();
    assertThat(err().lines()).hasSizeLessThanOrEqualTo(4).noneMatch(l -> l.contains("?%"));
    assertThat(time.scheduledDelays()).allSatisfy(d -> assertThat(d).isIn(Duration.ZERO, Duration.ofSeconds(30)));
  }

  @Test
  void aJobWithoutAPercentage_getsAnIndeterminateBar_notAQuestionMark() {
    ProgressRenderer renderer = new ProgressRenderer(new PrintStream(OutputStream.nullOutputStream()), true, time.clock(), null, null);
    JobSnapshot running = new Snapshot(JobState.RUNNING, "processing", Progress.of(null, "Screening..."));
    String at0 = renderer.render(running, Duration.ZERO);
    String at5 = renderer.render(running, Duration.ofSeconds(5));
    assertThat(at0).startsWith("[====").doesNotContain("%").contains("] processing - Screening...");
    assertThat(at5).startsWith("[     ====").doesNotContain("%");
    assertThat(at0.indexOf(']')).isEqualTo(at5.indexOf(']'));
    assertThat(renderer.render(new Snapshot(JobState.SUCCEEDED, "completed", null), Duration.ofSeconds(9)))
        .startsWith("[########################] 100% completed");
  }

  @Test
  void ctrlCDuringAwait_saysTheJobGoesOn_andHowToWaitAgain() {
    String id = server.deepIdv().createJob(MockCredentials.DEEPIDV_ORG_A_KEY,
        Lifecycle.builder().stage("searching", Duration.ofMinutes(5), "Searching...").succeed().build());
    pressCtrlCAfter = Duration.ofSeconds(40);

    run(true, "await", "deepidv", id);

    assertThat(err()).contains("jobsdk: interrupted. Job " + id + " goes on running on the server; nothing was cancelled.")
        .contains("Wait for it again with: jobsdk await deepidv " + id);
    assertThat(err()).contains("\n" + "jobsdk: interrupted").as("the live line was ended first");
    assertThat(interruptHooks).as("no hook is left behind once the command ends").isEmpty();
  }

  @Test
  void theExitCodeForCtrlC_isDocumented() {
    assertThat(run(false, "await", "--help")).isZero();
    assertThat(out()).contains("130", "interrupted (Ctrl-C)");
  }

  @Test
  void durations_printAsPeopleReadThem() {
    assertThat(Durations.human(Duration.ofMillis(250))).isEqualTo("250 ms");
    assertThat(Durations.human(Duration.parse("PT1.031168211S"))).isEqualTo("1.0 s");
    assertThat(Durations.human(Duration.ofSeconds(150))).isEqualTo("2m30s");
    assertThat(Durations.human(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Durations.human(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Durations.humanize("Gave up waiting for job x after PT1.031168211S and 3 polls"))
        .isEqualTo("Gave up waiting for job x after 1.0 s and 3 polls");
    assertThat(Durations.humanize("made no progress for PT2H30M (status running)"))
        .isEqualTo("made no progress for 2h30m (status running)");
  }

  @Test
  void aTimedOutWait_printsItsDurationReadably() {
    String id = server.deepCurrent().createBdJob(MockCredentials.DEEPCURRENT_PAID_KEY, "full_pipeline",
        Lifecycle.builder().stage("contact_discovery", Duration.ofHours(1), "Discovering contacts...").succeed().build());
    assertThat(run(false, "await", "bd", id, "--timeout", "90s", "--quiet")).isEqualTo(3);
    assertThat(err()).contains("1m30s").doesNotContainPattern("PT[0-9]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"get", "await", "demo"})
  void helpCommand_describesEachCommand_withItsVariablesAndExitCodes(String command) {
    assertThat(run(false, "help", command)).isZero();
    assertThat(out()).contains("Usage: jobsdk " + command, "Exit codes:", "Environment:", "64");
    if (!command.equals("demo")) {
      assertThat(out()).contains("DEEPCURRENT_API_KEY", "DEEPIDV_API_KEY", "JOBS_BASE_URL", " 4 ", " 5 ", " 6 ");
    }
  }

  @Test
  void helpAlone_describesTheTool() {
    assertThat(run(false, "help")).isZero();
    assertThat(out()).contains("Usage: jobsdk", "help", "await", "get", "demo", "130");
  }

  @Test
  void noMessageHasADoubledBackslash() {
    assertThat(run(false, "--help")).isZero();
    assertThat(run(false, "get", "bd", "a\\b")).isEqualTo(64);
    assertThat(out() + err()).doesNotContain("\\\\");
  }

  record Snapshot(JobState state, String rawStatus, Progress progressValue) implements JobSnapshot {
    @Override
    public String id() {
      return "job-1";
    }

    @Override
    public Optional<Progress> progress() {
      return Optional.ofNullable(progressValue);
    }
  }
}
