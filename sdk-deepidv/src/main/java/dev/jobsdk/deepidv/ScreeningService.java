package dev.jobsdk.deepidv;

/**
 * DeepIDV screening endpoints that start async jobs. Obtained from {@link
 * DeepIdvClient#screening()}; thread-safe.
 */
public interface ScreeningService {

  /**
   * Starts an adverse-media screening ({@code POST /v1/screening/adverse-media}) with a fresh
   * random {@code Idempotency-Key} (a UUID v4).
   *
   * <p>The key is always sent, so the client's automatic retry of a request whose answer was lost
   * (a reset connection, a 5xx, a 429) returns the job the first attempt created instead of
   * creating, and charging for, a second one.
   *
   * @param request the person to screen, already validated by its builder
   * @return the handle of the job
   * @throws IllegalArgumentException if request is null
   * @throws dev.jobsdk.core.PaymentRequiredException if the organisation's balance or
   *     subscription does not cover the screening (HTTP 402; the message is the server's text)
   * @throws dev.jobsdk.core.AuthenticationException if the API key is invalid (HTTP 401)
   * @throws dev.jobsdk.core.PermissionDeniedException if the key may not screen (HTTP 403)
   * @throws dev.jobsdk.core.BadRequestException if the server rejects the request (HTTP 400)
   * @throws dev.jobsdk.core.RateLimitException if the rate limit is still exceeded after retries
   */
  AdverseMediaScreening adverseMedia(AdverseMediaRequest request);

  /**
   * Starts an adverse-media screening with the caller's {@code Idempotency-Key}. Sending the same
   * key again within the server's dedup window (24 h) returns the job it created the first time
   * (HTTP 200) instead of a new one: use a key stored with your own record of the request to make
   * a retry across process restarts safe.
   *
   * @param request the person to screen
   * @param idempotencyKey visible ASCII characters (no spaces), such as a UUID
   * @return the handle of the job (the existing one on a replay)
   * @throws IllegalArgumentException if request is null or the key is blank or not
   *     visible ASCII
   */
  AdverseMediaScreening adverseMedia(AdverseMediaRequest request, String idempotencyKey);
}
