package dev.jobsdk.deepcurrent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.internal.ApiRequest;
import dev.jobsdk.core.internal.CachingTokenProvider;
import dev.jobsdk.core.internal.IssuedToken;
import dev.jobsdk.core.internal.Jwt;
import dev.jobsdk.core.internal.Transport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logs in with email and password ({@code POST /api/v1/login/access-token}, form-encoded, without
 * a credential) and caches the JWT until shortly before its {@code exp}: 60 s before, or after
 * three quarters of its lifetime for tokens that live less than four minutes. A 401 discards the
 * token and logs in again (once per request, by the transport).
 */
public final class LoginTokenProvider extends CachingTokenProvider {
  static final String PATH = "/api/v1/login/access-token";
  private static final Duration SKEW = Duration.ofSeconds(60);

  private final Transport transport;
  private final String email;
  private final String password;

  /**
   * Creates the provider.
   *
   * @param unauthenticated the client's transport without a credential
   * @param email the account's email
   * @param password the account's password
   */
  public LoginTokenProvider(Transport unauthenticated, String email, String password) {
    super(unauthenticated.clock(), SKEW);
    this.transport = unauthenticated;
    this.email = email;
    this.password = password;
  }

  @Override
  protected IssuedToken fetch(IssuedToken previous) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("username", email);
    form.put("password", password);
    JsonNode body =
        transport.json(ApiRequest.post(PATH).form(form).unauthenticated(), JsonNode.class);
    JsonNode token = body.get("access_token");
    if (token == null || !token.isTextual() || token.asText().isBlank()) {
      throw new InvalidResponseException("POST " + PATH + " returned no access_token", null);
    }
    String value = token.asText();
    // The cache renews the token before this expiry (at half its life for short-lived tokens).
    return new IssuedToken(value, Jwt.expiry(value).orElse(null), null);
  }
}
