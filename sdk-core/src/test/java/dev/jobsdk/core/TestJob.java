package dev.jobsdk.core;

import java.util.Optional;

/** A minimal vendor snapshot for tests of the vendor-neutral machinery. */
public record TestJob(String id, JobState state, String rawStatus, Progress progressValue, String error)
    implements JobSnapshot {

  public static TestJob running(String id, int percent) {
    return new TestJob(id, JobState.RUNNING, "running", Progress.of(percent, "working"), null);
  }

  public static TestJob of(String id, JobState state) {
    return new TestJob(id, state, state.name().toLowerCase(), null, null);
  }

  public static TestJob failed(String id, String error) {
    return new TestJob(id, JobState.FAILED, "failed", null, error);
  }

  @Override
  public Optional<Progress> progress() {
    return Optional.ofNullable(progressValue);
  }

  @Override
  public Optional<String> errorMessage() {
    return Optional.ofNullable(error);
  }
}
