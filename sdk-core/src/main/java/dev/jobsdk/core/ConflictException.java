package dev.jobsdk.core;

/** HTTP 409: the request conflicts with the resource's current state. */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details what the answer said
   */
  public ConflictException(ErrorDetails details) {
    super(details);
  }
}
