package dev.jobsdk.core;

/** HTTP 402: the account has not enough credits, balance or subscription for this call. */
public class PaymentRequiredException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details what the answer said
   */
  public PaymentRequiredException(ErrorDetails details) {
    super(details);
  }
}
