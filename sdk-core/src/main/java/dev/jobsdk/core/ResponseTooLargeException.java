package dev.jobsdk.core;

/**
 * A success answer's body was larger than the client's limit ({@link
 * ClientBuilder#maxResponseBytes(long)}), so it was not read into memory. Not retryable: the same
 * request would return the same body. Asset downloads stream to the caller and have no limit.
 */
public class ResponseTooLargeException extends InvalidResponseException {
  private static final long serialVersionUID = 1L;

  private final long limit;

  /**
   * Creates the exception.
   *
   * @param message what was too large, naming the method and path
   * @param limit the limit in bytes
   */
  public ResponseTooLargeException(String message, long limit) {
    super(message, null);
    this.limit = limit;
  }

  /**
   * Returns the limit that was exceeded.
   *
   * @return the limit in bytes
   */
  public long limit() {
    return limit;
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
