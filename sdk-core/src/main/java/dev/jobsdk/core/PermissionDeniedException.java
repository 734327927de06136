package dev.jobsdk.core;

/** HTTP 403: authenticated, but not allowed (for example another account's job, a free plan, or a reused quote token). */
public class PermissionDeniedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details what the answer said
   */
  public PermissionDeniedException(ErrorDetails details) {
    super(details);
  }
}
