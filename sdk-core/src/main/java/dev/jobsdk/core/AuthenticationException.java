package dev.jobsdk.core;

/** HTTP 401: the credential is missing, invalid, revoked or expired. */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details what the answer said
   */
  public AuthenticationException(ErrorDetails details) {
    super(details);
  }
}
