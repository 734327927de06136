package dev.jobsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollingPolicyTest {

  @Test
  void builder_roundTripsThroughToBuilder() {
    PollingPolicy p = PollingPolicy.builder()
        .initialDelay(Duration.ofSeconds(1)).interval(Duration.ofSeconds(3)).multiplier(2)
        .maxInterval(Duration.ofMinutes(1)).jitter(PollingPolicy.Jitter.FULL).totalTimeout(Duration.ofMinutes(30))
        .maxPolls(100).stallTimeout(Duration.ofMinutes(5)).maxConsecutiveErrors(4)
        .retryAfterClamp(Duration.ofSeconds(1), Duration.ofSeconds(60))
        .unknownStatus(PollingPolicy.UnknownStatus.FAIL).build();
    assertThat(p.toBuilder().build()).isEqualTo(p).hasSameHashCodeAs(p);
    assertThat(p.stallTimeout()).contains(Duration.ofMinutes(5));
    assertThat(p.toString()).contains("stallTimeout=PT5M", "maxPolls=100");
    assertThat(p.toBuilder().stallTimeout(null).build().stallTimeout()).isEmpty();
  }

  @Test
  void invalidValues_areRejectedNamingTheSetting() {
    assertThatThrownBy(() -> PollingPolicy.builder().interval(Duration.ZERO)).hasMessageStartingWith("interval must be positive");
    assertThatThrownBy(() -> PollingPolicy.builder().multiplier(0.5)).hasMessageStartingWith("multiplier");
    assertThatThrownBy(() -> PollingPolicy.builder().multiplier(Double.NaN)).hasMessageStartingWith("multiplier");
    assertThatThrownBy(() -> PollingPolicy.builder().maxPolls(0)).hasMessageStartingWith("maxPolls");
    assertThatThrownBy(() -> PollingPolicy.builder().totalTimeout(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("totalTimeout must not be null");
    assertThatThrownBy(() -> PollingPolicy.builder().retryAfterClamp(Duration.ofSeconds(5), Duration.ofSeconds(1))).hasMessageContaining("maxRetryAfter");
    assertThatThrownBy(() -> PollingPolicy.builder().interval(Duration.ofMinutes(2)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("maxInterval");
  }

  @Test
  void backoff_defaultsToTheExponentialOfTheBuilderValues_andCanBeReplaced() {
    PollingPolicy p = PollingPolicy.builder().interval(Duration.ofSeconds(3)).multiplier(2)
        .maxInterval(Duration.ofSeconds(20)).jitter(PollingPolicy.Jitter.NONE).build();
    assertThat(p.backoff())
        .isEqualTo(Backoff.exponential(Duration.ofSeconds(3), 2, Duration.ofSeconds(20), PollingPolicy.Jitter.NONE));
    Backoff every7 = Backoff.fixed(Duration.ofSeconds(7));
    PollingPolicy fixed = p.toBuilder().backoff(every7).build();
    assertThat(fixed.backoff()).isSameAs(every7);
    assertThat(fixed).isNotEqualTo(p);
    assertThat(fixed.toBuilder().build()).isEqualTo(fixed).hasSameHashCodeAs(fixed);
    assertThat(fixed.toString()).contains("backoff=fixed(PT7S)");
    assertThat(fixed.toBuilder().backoff(null).build()).isEqualTo(p);
    // setting the exponential's own parameters asks for the exponential schedule again
    assertThat(fixed.toBuilder().interval(Duration.ofSeconds(4)).build().backoff())
        .isEqualTo(Backoff.exponential(Duration.ofSeconds(4), 2, Duration.ofSeconds(20), PollingPolicy.Jitter.NONE));
    assertThat(fixed.toBuilder().jitter(PollingPolicy.Jitter.NONE).build()).isEqualTo(p);
    assertThat(fixed.toBuilder().multiplier(2).build()).isEqualTo(p);
    assertThat(fixed.toBuilder().totalTimeout(Duration.ofMinutes(3)).build().backoff()).isSameAs(every7);
    assertThat(fixed.toBuilder().maxInterval(Duration.ofMinutes(3)).build().backoff()).isSameAs(every7);
  }

  @Test
  void clampRetryAfter_keepsTheServerDelayInsideTheRange() {
    PollingPolicy p = PollingPolicy.builder().retryAfterClamp(Duration.ofSeconds(2), Duration.ofSeconds(10)).build();
    assertThat(p.clampRetryAfter(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.clampRetryAfter(Duration.ofMillis(1))).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.clampRetryAfter(Duration.ofDays(1))).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.clampRetryAfter(Duration.ofSeconds(-3))).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void progress_rejectsOutOfRangePercent_andComparesAllParts() {
    assertThatThrownBy(() -> Progress.of(101, null)).hasMessageContaining("percent");
    assertThat(Progress.of(5, "a", java.util.Map.of("x", "running"))).isEqualTo(Progress.of(5, "a", java.util.Map.of("x", "running")));
    assertThat(Progress.of(5, "a", java.util.Map.of("x", "running"))).isNotEqualTo(Progress.of(5, "a", java.util.Map.of("x", "completed")));
    assertThat(Progress.of(null, null).percent()).isEmpty();
  }
}
