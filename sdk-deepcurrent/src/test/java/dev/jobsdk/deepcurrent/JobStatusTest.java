package dev.jobsdk.deepcurrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobsdk.core.JobState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobStatusTest {

  @ParameterizedTest
  @CsvSource({
    "pending, PENDING, PENDING",
    "RUNNING, RUNNING, RUNNING",
    "' Completed ', COMPLETED, SUCCEEDED",
    "failed, FAILED, FAILED",
    "cancelled, CANCELLED, CANCELLED",
    "canceled, CANCELLED, CANCELLED",
    "CANCELED, CANCELLED, CANCELLED",
    "archived, UNKNOWN, UNKNOWN",
    "'', UNKNOWN, UNKNOWN"
  })
  void fromValue_readsEveryCaseAndBothSpellingsOfCancelled_andKeepsUnknownsUnknown(
      String raw, JobStatus status, JobState state) {
    assertThat(JobStatus.fromValue(raw)).isEqualTo(status);
    assertThat(JobStatus.fromValue(raw).toJobState()).isEqualTo(state);
  }
}
