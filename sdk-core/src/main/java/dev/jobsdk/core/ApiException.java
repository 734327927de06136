package dev.jobsdk.core;

import java.time.Duration;
import java.util.Optional;

/**
 * The server answered with an HTTP error status. Subclasses name the statuses a caller usually
 * handles differently; anything else (for example 408) is a plain {@code ApiException}.
 *
 * <p>The message reads like {@code HTTP 404 on GET /api/v1/bd/jobs/42: Job not found (request id
 * req-123)}. The vendor's error code and message are parsed from any of the vendors' envelopes:
 * {@code {"detail": "..."}}, {@code {"detail": {"code", "message"}}}, {@code {"error": "..."}},
 * {@code {"message": "..."}}, {@code {"statusCode", "error", "message"}}, or a plain-text or HTML
 * body.
 */
public class ApiException extends JobSdkException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorDetails details;

  /**
   * Creates an exception for an HTTP error answer.
   *
   * @param details what the answer said
   */
  public ApiException(ErrorDetails details) {
    super(describe(details));
    this.details = details;
  }

  private static String describe(ErrorDetails d) {
    StringBuilder sb =
        new StringBuilder("HTTP ")
            .append(d.statusCode())
            .append(" on ")
            .append(d.method())
            .append(' ')
            .append(d.path());
    if (d.message() != null && !d.message().isEmpty()) {
      sb.append(": ").append(d.message());
    }
    if (d.errorCode() != null || d.requestId() != null) {
      sb.append(" (");
      if (d.errorCode() != null) {
        sb.append("code ").append(d.errorCode());
      }
      if (d.requestId() != null) {
        sb.append(d.errorCode() != null ? ", " : "").append("request id ").append(d.requestId());
      }
      sb.append(')');
    }
    return sb.toString();
  }

  /**
   * Returns everything the error answer said.
   *
   * @return the details
   */
  public ErrorDetails details() {
    return details;
  }

  /**
   * Returns the HTTP status code.
   *
   * @return the status code
   */
  public int statusCode() {
    return details.statusCode();
  }

  /**
   * Returns the vendor's machine-readable error code, such as {@code NOT_FOUND} or {@code
   * corpus_distinct_record_limit_exceeded}.
   *
   * @return the code, or empty
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(details.errorCode());
  }

  /**
   * Returns the vendor's human-readable message, exactly as sent (untruncated unless the body was).
   *
   * @return the message, or empty
   */
  public Optional<String> errorMessage() {
    return Optional.ofNullable(details.message());
  }

  /**
   * Returns the request id the server sent in a header such as {@code X-Request-ID}.
   *
   * @return the request id, or empty
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(details.requestId());
  }

  /**
   * Returns the delay the server asked for in {@code Retry-After}, unclamped.
   *
   * @return the delay, or empty
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(details.retryAfter());
  }

  @Override
  public boolean isRetryable() {
    int s = details.statusCode();
    return s == 408 || s == 429 || s == 500 || s == 502 || s == 503 || s == 504;
  }
}
