package dev.jobsdk.core;

/** HTTP 404: the resource does not exist, or belongs to another account. */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details what the answer said
   */
  public NotFoundException(ErrorDetails details) {
    super(details);
  }
}
