package dev.jobsdk.core;

/**
 * The server answered with a success status, but the body could not be read as the expected
 * document (malformed or truncated JSON, or a missing required field). Treated as transient: a
 * later poll may read a good answer.
 */
public class InvalidResponseException extends JobSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not be read, naming the method and path
   * @param cause the parsing failure
   */
  public InvalidResponseException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
