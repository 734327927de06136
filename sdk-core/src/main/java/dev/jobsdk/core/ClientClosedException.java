package dev.jobsdk.core;

/**
 * The client was closed: thrown by every call made after {@code close()}, and the outcome of every
 * wait that was still in flight when it was closed (a blocking {@code awaitCompletion} throws it, an
 * {@code awaitCompletionAsync} future fails with it). Closing never leaves a wait hanging.
 */
public class ClientClosedException extends JobSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not go on, for example which job's wait ended
   */
  public ClientClosedException(String message) {
    super(message);
  }
}
