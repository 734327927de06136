package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.core.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: any error answer (random mixes of JSON envelope fragments, HTML, control characters,
 * any status and header) maps to an ApiException whose message is bounded and on one line.
 */
class ErrorMapperPropertiesTest {
  static final String[] PIECES = {
    "{", "}", "[", "]", "\"", ":", ",", "<", ">", "<title>", "</title>", "<html>", "\r\n", "\u0000",
    "\u202E", "\\u0000", "detail", "message", "error", "code", "statusCode", "msg", "loc", "null",
    "1e999", "-", "x".repeat(300), " ", "\t", "é", "\uD83D\uDE00", "\uD800"
  };

  @Test
  void anyErrorAnswer_mapsToABoundedOneLineException() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    for (long seed = 0; seed < 3_000; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      StringBuilder body = new StringBuilder();
      int n = r.nextInt(60);
      for (int i = 0; i < n; i++) {
        body.append(PIECES[r.nextInt(PIECES.length)]);
      }
      int status = 300 + r.nextInt(300);
      String retryAfter = r.nextBoolean() ? PIECES[r.nextInt(PIECES.length)] : String.valueOf(r.nextLong());
      Map<String, String> headers =
          Map.of(
              "Content-Type", r.nextBoolean() ? "text/html" : "application/json",
              "Retry-After", retryAfter,
              "X-Request-ID", PIECES[r.nextInt(PIECES.length)]);
      ApiException e = ErrorMapper.map(status, "GET", "/x", headers::get, body.toString(), clock);
      assertThat(e.statusCode()).as("seed %d", seed).isEqualTo(status);
      assertThat(e.getMessage()).as("seed %d", seed).hasSizeLessThan(1_000).doesNotContain("\r", "\n", "\u0000");
      assertThat(e.retryAfter().map(java.time.Duration::isNegative)).as("seed %d", seed).isNotEqualTo(java.util.Optional.of(true));
    }
  }
}
