package dev.jobsdk.core;

/**
 * No HTTP answer arrived: the connection failed, was reset, or a connect, read or whole-call
 * timeout passed. Retried for requests that are safe to repeat.
 */
public class ApiConnectionException extends JobSdkException {
  private static final long serialVersionUID = 1L;

  private final boolean timeout;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the method and path
   * @param cause the I/O failure
   * @param timeout whether a timeout caused it
   */
  public ApiConnectionException(String message, Throwable cause, boolean timeout) {
    super(message, cause);
    this.timeout = timeout;
  }

  /**
   * Returns whether a connect, read or call timeout caused the failure.
   *
   * @return true for a timeout
   */
  public boolean isTimeout() {
    return timeout;
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
