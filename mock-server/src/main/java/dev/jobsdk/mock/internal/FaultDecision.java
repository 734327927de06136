package dev.jobsdk.mock.internal;

import java.time.Duration;

/**
 * What to do to one request.
 *
 * @param action what replaces or breaks the response
 * @param status the status of a {@link Action#STATUS} fault
 * @param retryAfter the Retry-After to announce, or {@code null}
 * @param retryAfterAsDate whether Retry-After is an HTTP date rather than seconds
 * @param latencyMillis real milliseconds to wait first
 * @param processFirst whether the vendor handler runs before the fault acts
 * @param contentType the Content-Type of a custom body, or {@code null}
 * @param body a custom body, or {@code null} for the vendor's envelope
 */
public record FaultDecision(Action action, int status, Duration retryAfter, boolean retryAfterAsDate,
    long latencyMillis, boolean processFirst, String contentType, String body) {

  /** What a fault does. */
  public enum Action {
    /** Only the latency. */
    NONE,
    /** Answer with a status. */
    STATUS,
    /** Reset the connection. */
    RESET,
    /** Send half the body. */
    TRUNCATE,
    /** Send a body that is not JSON. */
    MALFORMED
  }
}
