package dev.jobsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written ISO 8601 reader means exactly what the JDK's parsers mean, or steps aside. */
class TimestampsTest {

  @ParameterizedTest
  @CsvSource({
    "2026-06-05T12:00:00.000Z, 2026-06-05T12:00:00Z",
    "2026-06-05T12:00:00Z, 2026-06-05T12:00:00Z",
    "2026-06-05T14:00:00+02:00, 2026-06-05T12:00:00Z",
    "2026-06-05T10:30:00-01:30, 2026-06-05T12:00:00Z",
    "2026-06-05T12:00:00, 2026-06-05T12:00:00Z",
    "2026-06-05T12:00:00.5, 2026-06-05T12:00:00.500Z",
    "2026-06-05T12:00:00.123456789Z, 2026-06-05T12:00:00.123456789Z",
    "2024-02-29T23:59:59.999Z, 2024-02-29T23:59:59.999Z",
    "1969-12-31T23:59:59Z, 1969-12-31T23:59:59Z",
    "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
    "2026-06-05t12:00:00z, 2026-06-05T12:00:00Z",
    "2026-06-05T12:00Z, 2026-06-05T12:00:00Z",
    "2026-06-05T12:00:00+02:00:30, 2026-06-05T09:59:30Z",
    "2026-06-05T12:00:00.Z, 2026-06-05T12:00:00Z"
  })
  void iso_readsTheVendorsShapesAndWhatTheJdkReads(String text, String expected) {
    assertThat(Timestamps.iso(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "2026-02-29T12:00:00Z", "2026-13-01T00:00:00Z", "2026-06-05T24:00:00Z", "2026-06-05T12:60:00Z",
    "2026-06-05T12:00:60Z", "2026-06-05T12:00:00.1234567890Z", "2026-06-05T12:00:00+19:00",
    "2026-06-05 12:00:00Z", "yesterday", "2026-06-05T12:00:00ZZ", ""
  })
  void iso_refusesWhatTheJdkRefuses(String text) {
    assertThatThrownBy(() -> Timestamps.iso(text)).isInstanceOf(DateTimeParseException.class);
  }

  /** Random texts near the fast shape: the fast reader agrees with the JDK, or leaves it to it. */
  @Test
  void fast_agreesWithTheJdk_onTenThousandTextsNearTheShape() {
    Random random = new Random(14);
    String alphabet = "0123456789-:T.Z+z ";
    int fastOnes = 0;
    for (int i = 0; i < 10_000; i++) {
      char[] c = String.format("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
          random.nextInt(10_000), random.nextInt(14), random.nextInt(33), random.nextInt(26),
          random.nextInt(62), random.nextInt(62), random.nextInt(1000)).toCharArray();
      if (random.nextBoolean()) {
        c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      String text = new String(c, 0, random.nextInt(4) == 0 ? 19 + random.nextInt(5) : c.length);
      Instant jdk = jdk(text);
      Instant fast = Timestamps.fast(text);
      if (fast != null) {
        fastOnes++;
        assertThat(fast).as(text).isEqualTo(jdk);
      }
      if (jdk == null) {
        assertThat(fast).as(text).isNull();
      }
    }
    assertThat(fastOnes).isGreaterThan(1_000);
  }

  private static Instant jdk(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
