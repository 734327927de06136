package dev.jobsdk.core;

/** HTTP 400 or 422: the request was malformed or failed the server's validation. */
public class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details what the answer said
   */
  public BadRequestException(ErrorDetails details) {
    super(details);
  }
}
