package dev.jobsdk.mock.internal.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private static final Instant T0 = Instant.parse("2026-04-08T12:00:00Z");

  @Test
  void tokenBucket_allowsTheBurst_thenTheSteadyRate_perKey() {
    RateLimiter limiter = RateLimiter.tokenBucket(25, 35);
    for (int i = 0; i < 35; i++) {
      assertThat(limiter.acquire("a", T0)).as("burst request %d", i + 1).isNull();
    }
    assertThat(limiter.acquire("a", T0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(limiter.acquire("b", T0)).isNull();
    Instant later = T0.plusMillis(400);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.acquire("a", later)).as("refilled request %d", i + 1).isNull();
    }
    assertThat(limiter.acquire("a", later)).isNotNull();
    assertThat(limiter.acquire("a", T0.plusSeconds(60))).isNull();
  }

  @Test
  void tokenBucket_aClockSetBack_startsAfresh() {
    RateLimiter limiter = RateLimiter.tokenBucket(25, 35);
    for (int i = 0; i < 36; i++) {
      limiter.acquire("a", T0.plusSeconds(3600));
    }
    assertThat(limiter.acquire("a", T0)).isNull();
  }

  @Test
  void fixedWindow_countsFromTheFirstRequest_andTellsWhenTheWindowEnds() {
    RateLimiter daily = RateLimiter.fixedWindow(10_000, Duration.ofDays(1));
    for (int i = 0; i < 10_000; i++) {
      assertThat(daily.acquire("a", T0.plusSeconds(i))).isNull();
    }
    assertThat(daily.acquire("a", T0.plusSeconds(10_000))).isEqualTo(Duration.ofSeconds(86_400 - 10_000));
    assertThat(daily.acquire("a", T0.plus(Duration.ofDays(1)))).isNull();
  }

  @Test
  void waits_areAtLeastOneSecond_andReset_forgetsEveryKey() {
    RateLimiter limiter = RateLimiter.fixedWindow(1, Duration.ofMillis(10));
    assertThat(limiter.acquire("a", T0)).isNull();
    assertThat(limiter.acquire("a", T0.plusMillis(5))).isEqualTo(Duration.ofSeconds(1));
    limiter.reset();
    assertThat(limiter.acquire("a", T0.plusMillis(5))).isNull();
  }
}
