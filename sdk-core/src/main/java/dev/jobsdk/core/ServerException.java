package dev.jobsdk.core;

/** HTTP 5xx: the server failed. 500, 502, 503 and 504 are retried for requests that are safe to repeat. */
public class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details what the answer said
   */
  public ServerException(ErrorDetails details) {
    super(details);
  }
}
