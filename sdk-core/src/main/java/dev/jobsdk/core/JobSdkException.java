package dev.jobsdk.core;

/**
 * The root of every exception jobsdk throws. All are unchecked.
 *
 * <p>Two branches cover calls that went wrong ({@link ApiException} for an HTTP error answer,
 * {@link ApiConnectionException} and {@link InvalidResponseException} for no usable answer) and
 * {@link JobWaitException} covers waits that ended without success. Messages never contain
 * credentials.
 */
public class JobSdkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   * @param cause the underlying cause, or null
   */
  public JobSdkException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   */
  public JobSdkException(String message) {
    super(message);
  }

  /**
   * Returns whether the same request may succeed if sent again: true for connection failures,
   * unreadable responses and HTTP 408, 429, 500, 502, 503 and 504.
   *
   * @return whether the failure is transient
   */
  public boolean isRetryable() {
    return false;
  }
}
