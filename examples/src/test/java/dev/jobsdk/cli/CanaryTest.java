package dev.jobsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary credentials, run through every client and the CLI at TRACE logging on success and on
 * every error path, appear nowhere: not in logs, exception messages, stack traces, {@code
 * toString()} of the clients, handles, jobs and results, nor in the CLI's output.
 */
class CanaryTest {
  @Test
  void canaryCredentials_appearNowhere_atTrace(@TempDir Path tmp) throws Exception {
    Path output = tmp.resolve("canary.log");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CanaryRun.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean ended = p.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String log = read(output);

    assertThat(ended).as("the canary run ended").isTrue();
    assertThat(p.exitValue()).as(tail(log)).isZero();
    assertThat(log).contains("CANARY RUN DONE");
    // It really ran at TRACE, through the error paths, and the headers were logged redacted.
    assertThat(log).contains("TRACE", "██", "HTTP 401", "HTTP 404", "HTTP 503", "HTTP 429", "failed", "exit 0", "exit 5");
    assertThat(log).doesNotContain("NullPointerException");
    for (String canary : CanaryRun.CANARIES) {
      assertThat(log).as("canary " + canary).doesNotContain(canary);
    }
  }

  static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  static String tail(String log) {
    List<String> lines = log.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
