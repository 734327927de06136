package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.jobsdk.core.ApiConnectionException;
import dev.jobsdk.core.BadRequestException;
import dev.jobsdk.core.JobFailedException;
import dev.jobsdk.core.JobSdkException;
import dev.jobsdk.core.JobState;
import dev.jobsdk.core.ServerException;
import dev.jobsdk.core.testing.VirtualScheduler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile or broken server controls error bodies, headers and job fields: parsing them stays
 * linear, and what reaches a message is cut and free of control characters.
 */
class HostileTextTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final VirtualScheduler time = VirtualScheduler.create();
  final OkHttpClient http =
      new OkHttpClient.Builder().callTimeout(5, TimeUnit.SECONDS).retryOnConnectionFailure(false).build();

  @AfterEach
  void release() {
    http.connectionPool().evictAll();
  }

  Transport transport() {
    return new Transport(server.url("/"), http, Auth.none(), time, 0, dev.jobsdk.core.PollingPolicy.builder().build(), () -> 0.5);
  }

  static final int MB = 1 << 20;

  static Stream<String> pathologicalBodies() {
    return Stream.of(
        "<".repeat(MB),
        "<title".repeat(MB / 6),
        "<title>" + "<".repeat(MB),
        "<a".repeat(MB / 2),
        "<html>" + "<title x".repeat(MB / 8),
        "{".repeat(MB),
        "[".repeat(MB),
        "\"" + "\\".repeat(MB),
        " \r\n\t".repeat(MB / 4) + "x");
  }

  /**
   * A quadratic scan (the old {@code <[^>]*>} regex) needs minutes to hours on a megabyte of these;
   * a linear one needs milliseconds. The bound is generous, so it cannot flake on a busy machine,
   * yet several orders of magnitude below what a quadratic parse would take.
   */
  @ParameterizedTest
  @MethodSource("pathologicalBodies")
  void parseBody_isLinear_onAMegabyteOfPathologicalText(String body) {
    String[] parsed =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> ErrorMapper.parseBody(body, "text/html"));
    assertThat(parsed[1] == null ? "" : parsed[1])
        .hasSizeLessThanOrEqualTo(Untrusted.MESSAGE_CHARS + 1)
        .doesNotContain("\r", "\n", "\t");
  }

  @Test
  void error503_with64KBOfAngleBrackets_becomesAShortServerException() {
    server.enqueue(
        new MockResponse.Builder().code(503).addHeader("Content-Type", "text/html").body("<".repeat(64 * 1024)).build());

    ServerException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> catchThrowableOfType(ServerException.class, () -> transport().tree(ApiRequest.get("/x"))));

    assertThat(e.getMessage()).hasSizeLessThan(600);
    assertThat(e.details().body()).hasSizeLessThanOrEqualTo(ErrorMapper.MAX_BODY_CHARS + 1);
  }

  @Test
  void error400_with60KBJsonMessageFullOfLineBreaks_isCutAndOnOneLine() {
    String message = "bad\r\nX-Forged: log line\u001b[31m\u202Eevil " + "more more more more more\r\n".repeat(2_250);
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .addHeader("Content-Type", "application/json")
            .addHeader("X-Request-ID", "req-" + "9".repeat(10_000))
            .body("{\"code\":\"" + "C".repeat(500) + "\",\"message\":\"" + escape(message) + "\"}")
            .build());

    BadRequestException e =
        catchThrowableOfType(BadRequestException.class, () -> transport().tree(ApiRequest.get("/x")));

    assertThat(message.length()).isGreaterThan(58_000);
    assertThat(e.getMessage()).hasSizeLessThan(1_000).doesNotContain("\r", "\n", "\u001b", "\u202E");
    assertThat(e.errorMessage().orElseThrow())
        .startsWith("bad X-Forged: log line[31mevil more more")
        .hasSizeLessThanOrEqualTo(Untrusted.MESSAGE_CHARS + 1)
        .endsWith(Untrusted.ELLIPSIS);
    assertThat(e.errorCode().orElseThrow()).hasSizeLessThanOrEqualTo(ErrorMapper.MAX_CODE_CHARS + 1);
    assertThat(e.requestId().orElseThrow()).hasSizeLessThanOrEqualTo(ErrorMapper.MAX_REQUEST_ID_CHARS + 1);
  }

  @Test
  void garbledStatusLine_isAConnectionErrorWithACleanMessage() {
    server.enqueue(new MockResponse.Builder().status("HTTP/1.1 2x0 \u001b]0;owned\u0007" + "z".repeat(5_000)).build());

    ApiConnectionException e =
        catchThrowableOfType(ApiConnectionException.class, () -> transport().tree(ApiRequest.get("/x")));

    assertThat(e.getMessage()).hasSizeLessThan(600).doesNotContain("\u001b", "\u0007");
  }

  @Test
  void failedJob_withAHugeErrorMessage_hasAShortOneLineExceptionMessage() {
    JobFailedException e =
        new JobFailedException(new FailedJob("job-1", "line1\nline2 ".repeat(20_000)), Duration.ZERO, 1);
    assertThat(e.getMessage()).startsWith("Job job-1 failed: line1 line2").hasSizeLessThan(700).doesNotContain("\n");
  }

  @Test
  void anyJobSdkException_isBoundedAndClean() {
    JobSdkException e = new JobSdkException("a\u0000b\r\n".repeat(10_000));
    assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(JobSdkException.MAX_MESSAGE_CHARS + 1).doesNotContain("\u0000", "\r");
  }

  @Test
  void untrustedText_neverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDE00";
    assertThat(Untrusted.text("a" + emoji, 2)).isEqualTo("a…");
    assertThat(Untrusted.cut("a" + emoji, 2)).isEqualTo("a…");
    assertThat(Untrusted.text(emoji + emoji, 4)).isEqualTo(emoji + emoji);
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '\r' || c == '\n') {
        sb.append(c == '\r' ? "\\r" : "\\n");
      } else if (c < 0x20 || c == '"' || c == '\\') {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  record FailedJob(String id, String error) implements dev.jobsdk.core.JobSnapshot {
    @Override
    public JobState state() {
      return JobState.FAILED;
    }

    @Override
    public String rawStatus() {
      return "failed";
    }

    @Override
    public Optional<String> errorMessage() {
      return Optional.of(error);
    }
  }
}
