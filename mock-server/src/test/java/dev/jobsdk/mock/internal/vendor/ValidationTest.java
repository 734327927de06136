package dev.jobsdk.mock.internal.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValidationTest {

  @Test
  void isEmail_acceptsOrdinaryAddresses_rejectsTheRest() {
    assertThat(Validation.isEmail("jane.doe@example.com")).isTrue();
    assertThat(Validation.isEmail("a@b.co")).isTrue();
    for (String bad : new String[] {null, "", "@example.com", "jane@", "jane@example", "jane@.com", "jane@example.",
        "ja ne@example.com", "a@b@c.com", "jane@exa\tmple.com", "a@" + "b".repeat(400) + ".com"}) {
      assertThat(Validation.isEmail(bad)).as(bad).isFalse();
    }
  }

  /** A backtracking pattern took 8.8 s on 80,000 characters; one pass takes microseconds. */
  @Test
  void isEmail_hostileInputsOfAnyLength_costLinearTime() {
    String[] hostile = {"a".repeat(1_000_000) + "@" + "b".repeat(1_000_000), "@".repeat(2_000_000),
        "a@" + ".".repeat(2_000_000), "a.".repeat(1_000_000) + "@"};
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      for (int round = 0; round < 20; round++) {
        for (String input : hostile) {
          assertThat(Validation.isEmail(input)).isFalse();
        }
      }
    });
  }

  @Test
  void printable_cutsAndStripsControlCharacters() {
    assertThat(Validation.printable("ok\r\nInjected: yes", 100)).isEqualTo("ok??Injected: yes");
    assertThat(Validation.printable("x".repeat(10), 4)).isEqualTo("xxxx...");
  }
}
