package dev.jobsdk.deepcurrent;

import dev.jobsdk.core.ErrorDetails;
import dev.jobsdk.core.PermissionDeniedException;

/**
 * {@code POST /api/v1/growth/run} refused the quote token with 403: it was already used, has
 * expired, or belongs to another account. Get a new quote and run that. {@link #errorMessage()}
 * is the server's explanation.
 *
 * <p>It is a {@link PermissionDeniedException}, so code that handles 403s in general keeps working.
 * The API documents no error code that tells a rejected token from other 403s of this endpoint (an
 * inactive subscription); the client recognises a rejected token by an error code or message that
 * mentions the quote, and throws a plain {@link PermissionDeniedException} otherwise.
 */
public class QuoteTokenRejectedException extends PermissionDeniedException {
  /** Version of the serialized form. */
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param details what the 403 answer said
   */
  public QuoteTokenRejectedException(ErrorDetails details) {
    super(details);
  }
}
