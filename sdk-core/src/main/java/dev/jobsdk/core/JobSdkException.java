package dev.jobsdk.core;

import dev.jobsdk.core.internal.Untrusted;

/**
 * The root of every exception jobsdk throws. All are unchecked.
 *
 * <p>Two branches cover calls that went wrong ({@link ApiException} for an HTTP error answer,
 * {@link ApiConnectionException} and {@link InvalidResponseException} for no usable answer) and
 * {@link JobWaitException} covers waits that ended without success. Messages never contain
 * credentials, and are at most {@value #MAX_MESSAGE_CHARS} characters without control characters,
 * however long or strange the text a server sent.
 */
public class JobSdkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The longest message, in characters; server-supplied parts are cut shorter still. */
  public static final int MAX_MESSAGE_CHARS = 2_000;

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   * @param cause the underlying cause, or null
   */
  public JobSdkException(String message, Throwable cause) {
    super(Untrusted.text(message, MAX_MESSAGE_CHARS), cause);
  }

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   */
  public JobSdkException(String message) {
    super(Untrusted.text(message, MAX_MESSAGE_CHARS));
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
