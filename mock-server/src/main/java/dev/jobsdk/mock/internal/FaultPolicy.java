package dev.jobsdk.mock.internal;

/** Decides whether a request is faulted. */
public interface FaultPolicy {
  /**
   * @param method the request method
   * @param pathSegments the request path split by {@link PathGlob#split(String)}
   * @return the fault to apply, or {@code null}
   */
  FaultDecision decide(String method, String[] pathSegments);

  /** Removes every rule and restarts the rules' random sequences. */
  void reset();
}
