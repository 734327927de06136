package dev.jobsdk.core.internal;

import dev.jobsdk.core.TokenProvider;
import okhttp3.Request;

/**
 * How a client authenticates each request. Every implementation's {@code toString()} hides the
 * credential.
 */
public sealed interface Auth {

  /**
   * Adds the credential to a request.
   *
   * @param request the request being built
   * @return the credential added, to pass to {@link #refreshAfter401(String)}; null for none
   */
  String apply(Request.Builder request);

  /**
   * Reacts to a 401 answer.
   *
   * @param rejected the credential {@link #apply} returned for the rejected request
   * @return true if the request should be sent once more with a fresh credential
   */
  default boolean refreshAfter401(String rejected) {
    return false;
  }

  /**
   * No credential.
   *
   * @return the auth
   */
  static Auth none() {
    return None.INSTANCE;
  }

  /**
   * {@code Authorization: Bearer <token>} with a fixed token.
   *
   * @param token the token
   * @return the auth
   */
  static Auth bearer(String token) {
    return new Header("Authorization", "Bearer ", token);
  }

  /**
   * A fixed API key in a header of its own, such as {@code x-api-key}.
   *
   * @param header the header name
   * @param key the key
   * @return the auth
   */
  static Auth apiKeyHeader(String header, String key) {
    return new Header(header, "", key);
  }

  /**
   * {@code Authorization: Bearer <token>} with a token from a provider, refreshed once on a 401.
   *
   * @param provider the provider
   * @return the auth
   */
  static Auth tokenProvider(TokenProvider provider) {
    return new Provided(provider);
  }

  /** No credential. */
  enum None implements Auth {
    /** The single instance. */
    INSTANCE;

    @Override
    public String apply(Request.Builder request) {
      return null;
    }

    @Override
    public String toString() {
      return "Auth.none";
    }
  }

  /**
   * A fixed credential in a header.
   *
   * @param name the header name
   * @param prefix what precedes the secret in the header value
   * @param secret the secret
   */
  record Header(String name, String prefix, String secret) implements Auth {
    @Override
    public String apply(Request.Builder request) {
      request.header(name, prefix + secret);
      return secret;
    }

    @Override
    public String toString() {
      return "Auth[" + name + ": " + prefix + Redaction.REDACTED + "]";
    }
  }

  /**
   * A bearer token from a provider.
   *
   * @param provider the provider
   */
  record Provided(TokenProvider provider) implements Auth {
    @Override
    public String apply(Request.Builder request) {
      String token = provider.token();
      if (token == null || token.isBlank()) {
        throw new IllegalStateException("TokenProvider returned no token");
      }
      request.header("Authorization", "Bearer " + token);
      return token;
    }

    @Override
    public boolean refreshAfter401(String rejected) {
      provider.invalidate(rejected);
      return true;
    }

    @Override
    public String toString() {
      return "Auth[Authorization: Bearer " + Redaction.REDACTED + " from a TokenProvider]";
    }
  }
}
