package dev.jobsdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class BackoffTest {

  static Backoff.Attempt attempt(int n, DoubleSupplier random) {
    return new Backoff.Attempt() {
      @Override
      public int number() {
        return n;
      }

      @Override
      public Duration elapsed() {
        return Duration.ZERO;
      }

      @Override
      public double random() {
        return random.getAsDouble();
      }
    };
  }

  @Test
  void fixed_alwaysWaitsTheSame() {
    Backoff b = Backoff.fixed(Duration.ofSeconds(3));
    for (int n = 1; n < 50; n++) {
      assertThat(b.delay(attempt(n, () -> 0.9))).isEqualTo(Duration.ofSeconds(3));
    }
  }

  @Test
  void exponential_growsByTheMultiplierUpToTheCap() {
    Backoff b = Backoff.exponential(Duration.ofMillis(500), 2, Duration.ofSeconds(8), PollingPolicy.Jitter.NONE);
    assertThat(List.of(1, 2, 3, 4, 5, 6, 1000).stream().map(n -> b.delay(attempt(n, () -> 0))))
        .containsExactly(
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
            Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8));
  }

  @Test
  void jitter_staysInsideItsBounds_andSpreadsOverTheRange() {
    Backoff full = Backoff.exponential(Duration.ofSeconds(8), 1, Duration.ofSeconds(8), PollingPolicy.Jitter.FULL);
    Backoff equal = Backoff.exponential(Duration.ofSeconds(8), 1, Duration.ofSeconds(8), PollingPolicy.Jitter.EQUAL);
    Random random = new Random(7);
    double sum = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      Duration f = full.delay(attempt(1, random::nextDouble));
      assertThat(f).isBetween(Duration.ZERO, Duration.ofSeconds(8));
      assertThat(equal.delay(attempt(1, random::nextDouble))).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
      sum += f.toMillis();
    }
    assertThat(sum / n).isCloseTo(4_000, within(120.0));
    assertThat(full.delay(attempt(1, () -> 0.0))).isEqualTo(Duration.ZERO);
    assertThat(equal.delay(attempt(1, () -> 0.0))).isEqualTo(Duration.ofSeconds(4));
    assertThat(equal.delay(attempt(1, () -> 0.5))).isEqualTo(Duration.ofSeconds(6));
  }

  @Test
  void progressAware_withoutProgress_isItsFallback() {
    Backoff fallback = Backoff.exponential(Duration.ofSeconds(5), 1.5, Duration.ofSeconds(30), PollingPolicy.Jitter.NONE);
    Backoff b = Backoff.progressAware(fallback);
    for (int n = 1; n < 10; n++) {
      assertThat(b.delay(attempt(n, () -> 0.5))).isEqualTo(fallback.delay(attempt(n, () -> 0.5)));
    }
  }

  static Backoff.Attempt withProgress(int elapsedSeconds, int... readingsEvery30s) {
    List<Backoff.ProgressSample> samples = new java.util.ArrayList<>();
    for (int i = 0; i < readingsEvery30s.length; i++) {
      samples.add(new Backoff.ProgressSample(Duration.ofSeconds(30L * i), readingsEvery30s[i]));
    }
    return new Backoff.Attempt() {
      @Override
      public int number() {
        return samples.size();
      }

      @Override
      public Duration elapsed() {
        return Duration.ofSeconds(elapsedSeconds);
      }

      @Override
      public List<Backoff.ProgressSample> progress() {
        return samples;
      }

      @Override
      public double random() {
        return 0.5;
      }
    };
  }

  @Test
  void progressAware_waitsAFifthOfTheTimeLeft_thenNear_thenGrowsWithTheOverrun() {
    Backoff b = Backoff.progressAware(Backoff.fixed(Duration.ofSeconds(9)), Duration.ofSeconds(2));
    // 1 % every 3 s: at 50 % after 150 s, 150 s are left
    assertThat(b.delay(withProgress(150, 0, 10, 20, 30, 40, 50))).isEqualTo(Duration.ofSeconds(30));
    // 5 s before the estimated end: the near interval
    assertThat(b.delay(withProgress(295, 0, 10, 20, 30, 40, 50))).isEqualTo(Duration.ofSeconds(2));
    // 100 s past it and still running: a fifth of the overrun
    assertThat(b.delay(withProgress(400, 0, 10, 20, 30, 40, 50))).isEqualTo(Duration.ofSeconds(20));
    // two readings are no basis for an estimate: the fallback
    assertThat(b.delay(withProgress(30, 0, 10))).isEqualTo(Duration.ofSeconds(9));
  }

  @Test
  void factories_rejectBadArgumentsNamingThem() {
    assertThatThrownBy(() -> Backoff.fixed(Duration.ZERO)).hasMessageStartingWith("interval must be positive");
    assertThatThrownBy(() -> Backoff.fixed(null)).hasMessage("interval must not be null");
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), 0.9, Duration.ofSeconds(2), PollingPolicy.Jitter.NONE))
        .hasMessageStartingWith("multiplier");
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(3), 2, Duration.ofSeconds(2), PollingPolicy.Jitter.NONE))
        .hasMessageStartingWith("max (PT2S) must not be less than initial");
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), 2, Duration.ofSeconds(2), null))
        .hasMessage("jitter must not be null");
    assertThatThrownBy(() -> Backoff.progressAware(null)).hasMessage("fallback must not be null");
    assertThatThrownBy(() -> Backoff.progressAware(Backoff.fixed(Duration.ofSeconds(1)), Duration.ofSeconds(-1)))
        .hasMessageStartingWith("near must be positive");
    assertThatThrownBy(() -> new Backoff.ProgressSample(Duration.ZERO, 101)).hasMessageContaining("percent");
    assertThatThrownBy(() -> new Backoff.ProgressSample(Duration.ofSeconds(-1), 5)).hasMessageStartingWith("elapsed");
  }

  @Test
  void retryPolicy_defaultsAndValidation() {
    RetryPolicy d = RetryPolicy.defaults();
    assertThat(d.maxRetries()).isEqualTo(2);
    assertThat(d.deadline()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.backoff().delay(attempt(1, () -> 1.0 - 1e-12))).isLessThanOrEqualTo(Duration.ofMillis(500));
    assertThat(d.backoff().delay(attempt(10, () -> 0))).isEqualTo(Duration.ofSeconds(4));
    RetryPolicy custom = d.toBuilder().maxRetries(0).deadline(Duration.ofSeconds(5)).build();
    assertThat(custom.toBuilder().build()).isEqualTo(custom).hasSameHashCodeAs(custom).isNotEqualTo(d);
    assertThat(custom.toString()).contains("maxRetries=0", "deadline=PT5S");
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetries(-1)).hasMessageStartingWith("maxRetries");
    assertThatThrownBy(() -> RetryPolicy.builder().deadline(Duration.ZERO)).hasMessageStartingWith("deadline must be positive");
    assertThatThrownBy(() -> RetryPolicy.builder().backoff(null)).hasMessage("backoff must not be null");
  }
}
