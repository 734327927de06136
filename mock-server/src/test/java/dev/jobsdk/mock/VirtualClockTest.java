package dev.jobsdk.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

  private static final Instant START = Instant.parse("2026-04-08T12:00:00Z");

  @Test
  void manual_standsStillUntilAdvancedOrSet() {
    VirtualClock clock = VirtualClock.startingAt(START);
    assertThat(clock.now()).isEqualTo(START);
    assertThat(clock.instant()).isEqualTo(START);
    clock.advance(Duration.ofMinutes(5));
    assertThat(clock.now()).isEqualTo(START.plusSeconds(300));
    clock.set(START.minusSeconds(60));
    assertThat(clock.now()).isEqualTo(START.minusSeconds(60));
    assertThat(clock.millis()).isEqualTo(START.minusSeconds(60).toEpochMilli());
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    clock.resetToStart();
    assertThat(clock.now()).isEqualTo(START);
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(clock.withZone(ZoneId.of("Europe/Paris")).instant()).isEqualTo(START);
    assertThat(clock.withZone(ZoneId.of("Europe/Paris")).getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(clock.isExternal()).isFalse();
  }

  @Test
  void ticking_runsAtRealTimeTimesTheScale_andStillJumps() {
    AtomicLong nanos = new AtomicLong(1_000);
    VirtualClock clock = VirtualClock.ticking(START, 60, nanos::get);
    assertThat(clock.now()).isEqualTo(START);
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(clock.now()).isEqualTo(START.plusSeconds(120));
    clock.advance(Duration.ofHours(1));
    assertThat(clock.now()).isEqualTo(START.plusSeconds(3720));
    clock.set(START);
    assertThat(clock.now()).isEqualTo(START);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(clock.now()).isEqualTo(START.plusSeconds(60));
    clock.resetToStart();
    assertThat(clock.now()).isEqualTo(START.plusSeconds(180));
    assertThatThrownBy(() -> VirtualClock.ticking(START, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void external_readsTheGivenClockAndRefusesToMove() {
    Clock fixed = Clock.fixed(START, ZoneOffset.UTC);
    VirtualClock clock = VirtualClock.following(fixed);
    assertThat(clock.now()).isEqualTo(START);
    assertThat(clock.isExternal()).isTrue();
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> clock.set(START)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void serverBuilder_rejectsAnExternalClockWithAStartTime() {
    assertThatThrownBy(() -> MockJobServer.builder().clock(Clock.systemUTC()).startTime(START).start())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> MockJobServer.builder().tokenLifetime(Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
