package dev.jobsdk.core;

/**
 * Supplies a bearer token per request, for credentials that expire (JWTs from a login endpoint).
 *
 * <p>The client calls {@link #token()} before every request, so an implementation should cache
 * the token and fetch a new one only when it is about to expire. When the server answers 401 the
 * client calls {@link #invalidate(String)} with the rejected token and retries the request once
 * with a fresh {@link #token()}. Implementations must be thread-safe, and their {@code toString()}
 * must not reveal a token or password.
 */
public interface TokenProvider {

  /**
   * Returns a token that is valid now.
   *
   * @return the bearer token, without the {@code Bearer } prefix
   */
  String token();

  /**
   * Tells the provider that the server rejected {@code rejectedToken}; the next {@link #token()}
   * must not return it. The default does nothing.
   *
   * @param rejectedToken the token the server answered 401 to
   */
  default void invalidate(String rejectedToken) {}
}
