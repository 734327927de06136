package dev.jobsdk.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {
  final VirtualScheduler time = VirtualScheduler.create();

  @Test
  void advance_runsDueTasksInTimeOrder_eachAtItsOwnTime() {
    List<String> ran = new ArrayList<>();
    time.schedule(Duration.ofSeconds(5), () -> ran.add("b@" + time.now()));
    time.schedule(Duration.ofSeconds(1), () -> ran.add("a@" + time.now()));
    time.schedule(Duration.ofSeconds(5), () -> ran.add("c@" + time.now()));
    time.schedule(Duration.ofSeconds(9), () -> ran.add("late"));
    time.advance(Duration.ofSeconds(6));
    assertThat(ran).containsExactly("a@2026-01-01T00:00:01Z", "b@2026-01-01T00:00:05Z", "c@2026-01-01T00:00:05Z");
    assertThat(time.now()).isEqualTo(VirtualScheduler.DEFAULT_START.plusSeconds(6));
    assertThat(time.clock().instant()).isEqualTo(time.now());
    assertThat(time.pendingTasks()).isEqualTo(1);
  }

  @Test
  void cancelledTasks_doNotRun() {
    List<String> ran = new ArrayList<>();
    time.schedule(Duration.ofSeconds(1), () -> ran.add("x")).cancel();
    time.advance(Duration.ofMinutes(1));
    assertThat(ran).isEmpty();
  }

  @Test
  void await_withNothingScheduled_failsInsteadOfHanging() {
    assertThatThrownBy(() -> time.await(new CompletableFuture<>()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Nothing is scheduled");
  }

  @Test
  void sleep_isRecordedAndMovesTime() {
    time.sleep(Duration.ofMillis(1500));
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(1500));
    assertThat(time.now()).isEqualTo(VirtualScheduler.DEFAULT_START.plusMillis(1500));
  }
}
