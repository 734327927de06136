package dev.jobsdk.core;

/** HTTP 429: too many requests; see {@link #retryAfter()} for how long the server asked to wait. */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details what the answer said
   */
  public RateLimitException(ErrorDetails details) {
    super(details);
  }
}
