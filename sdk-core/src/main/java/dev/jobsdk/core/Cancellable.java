package dev.jobsdk.core;

/** A scheduled task that can be called off before it runs. */
@FunctionalInterface
public interface Cancellable {

  /** Prevents the task from running if it has not started; does nothing otherwise. */
  void cancel();
}
