package dev.jobsdk.deepcurrent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginTokenProviderTest {
  private static final Instant NOW = Instant.parse("2026-04-08T12:00:00Z");
  private static final Duration SKEW = Duration.ofSeconds(60);

  /** When the cache renews: 60 s before what refreshPoint reports. */
  private static Instant renewsAt(Instant expiry) {
    return LoginTokenProvider.refreshPoint(NOW, expiry).minus(SKEW);
  }

  @Test
  void refreshPoint_hourLongToken_renewedOneMinuteBeforeExpiry() {
    Instant exp = NOW.plus(Duration.ofHours(1));
    assertThat(renewsAt(exp)).isEqualTo(exp.minusSeconds(60));
  }

  @Test
  void refreshPoint_shortToken_renewedAfterThreeQuartersOfItsLifetime() {
    Instant exp = NOW.plusSeconds(40);
    assertThat(renewsAt(exp)).isEqualTo(NOW.plusSeconds(30));
  }

  @Test
  void refreshPoint_noExpiry_cachedUntilRejected() {
    assertThat(LoginTokenProvider.refreshPoint(NOW, null)).isNull();
  }
}
