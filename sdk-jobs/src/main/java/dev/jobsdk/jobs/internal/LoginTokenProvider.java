package dev.jobsdk.jobs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.ApiException;
import dev.jobsdk.core.AuthenticationException;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.internal.ApiRequest;
import dev.jobsdk.core.internal.CachingTokenProvider;
import dev.jobsdk.core.internal.IssuedToken;
import dev.jobsdk.core.internal.Jwt;
import dev.jobsdk.core.internal.Redaction;
import dev.jobsdk.core.internal.Transport;
import dev.jobsdk.jobs.PasswordChangeRequiredException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Email-and-password credentials: logs in through {@code POST /api/auth/login}, renews the access
 * token through {@code POST /api/auth/refresh-token} shortly before it expires (by the client's
 * clock, from {@code expiresIn} and the JWT's {@code exp}, whichever is earlier) and after a 401,
 * and logs in afresh when the refresh token is rejected. Thread-safe; {@code toString()} hides
 * every secret.
 */
public final class LoginTokenProvider extends CachingTokenProvider {
  private static final Logger log = LoggerFactory.getLogger(LoginTokenProvider.class);

  static final String LOGIN = "/api/auth/login";
  static final String REFRESH = "/api/auth/refresh-token";
  static final String COMPLETE = "/api/auth/complete-password-change";

  /** How long before expiry a token is renewed. */
  static final Duration SKEW = CachingTokenProvider.DEFAULT_SKEW;

  private final Transport transport;
  private final Clock clock;
  private final String email;
  private String password;
  private final String newPassword;

  /**
   * Creates the provider; it logs in on the first request, not now.
   *
   * @param transport an unauthenticated transport
   * @param email the account's email
   * @param password the account's password
   */
  public LoginTokenProvider(Transport transport, String email, String password) {
    this(transport, email, password, null);
  }

  /**
   * Creates the provider; it logs in on the first request, not now.
   *
   * @param transport an unauthenticated transport
   * @param email the account's email
   * @param password the account's password
   * @param newPassword the password to answer a first-login challenge with, or null to report the
   *     challenge as {@link PasswordChangeRequiredException}
   */
  public LoginTokenProvider(
      Transport transport, String email, String password, String newPassword) {
    super(transport.clock(), SKEW);
    this.transport = transport;
    this.clock = transport.clock();
    this.email = email;
    this.password = password;
    this.newPassword = newPassword;
  }

  @Override
  protected IssuedToken fetch(IssuedToken previous) {
    if (previous != null && previous.refreshToken() != null) {
      try {
        IssuedToken refreshed = refresh(previous.refreshToken());
        log.debug("Access token refreshed; valid until {}", refreshed.expiresAt());
        return refreshed;
      } catch (ApiException e) {
        if (e.isRetryable()) {
          throw e;
        }
        log.debug("Refresh token rejected (HTTP {}); logging in again", e.statusCode());
      }
    }
    IssuedToken token = login();
    log.debug("Logged in; access token valid until {}", token.expiresAt());
    return token;
  }

  /** Called under the cache's lock (from {@link #fetch}), so the password changes safely. */
  private IssuedToken login() {
    JsonNode answer;
    try {
      answer = loginWith(password);
    } catch (AuthenticationException e) {
      if (newPassword == null || newPassword.equals(password)) {
        throw e;
      }
      // A process that started with the temporary password after an earlier one changed it.
      answer = loginWith(newPassword);
      password = newPassword;
    }
    if (answer.path("requiresPasswordChange").asBoolean(false)) {
      JsonNode username = answer.get("username");
      String user = username != null && username.isTextual() ? username.asText() : email;
      JsonNode session = answer.get("session");
      if (newPassword == null || session == null || !session.isTextual()) {
        throw new PasswordChangeRequiredException(username != null ? user : null);
      }
      Map<String, String> body = new LinkedHashMap<>();
      body.put("username", user);
      body.put("session", session.asText());
      body.put("newPassword", newPassword);
      JsonNode tokens = transport.tree(ApiRequest.post(COMPLETE).unauthenticated().json(body));
      password = newPassword;
      log.debug("First-login challenge answered with the new password");
      return issued(tokens, null, "POST " + COMPLETE);
    }
    return issued(answer, null, "POST " + LOGIN);
  }

  private JsonNode loginWith(String pass) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("email", email);
    body.put("password", pass);
    return transport.tree(ApiRequest.post(LOGIN).unauthenticated().json(body));
  }

  private IssuedToken refresh(String refreshToken) {
    JsonNode answer =
        transport.tree(
            ApiRequest.post(REFRESH).unauthenticated().json(Map.of("refreshToken", refreshToken)));
    // Cognito issues no new refresh token on refresh; keep using the one from the login.
    return issued(answer, refreshToken, "POST " + REFRESH);
  }

  private IssuedToken issued(JsonNode answer, String currentRefreshToken, String request) {
    JsonNode access = answer.get("accessToken");
    if (access == null || !access.isTextual() || access.asText().isBlank()) {
      throw new InvalidResponseException(request + " returned no accessToken", null);
    }
    String token = access.asText();
    JsonNode refresh = answer.get("refreshToken");
    String refreshToken =
        refresh != null && refresh.isTextual() && !refresh.asText().isBlank()
            ? refresh.asText()
            : currentRefreshToken;
    Instant now = clock.instant();
    Instant expiry = null;
    JsonNode expiresIn = answer.get("expiresIn");
    if (expiresIn != null && expiresIn.isNumber() && expiresIn.asLong() > 0) {
      expiry = now.plusSeconds(expiresIn.asLong());
    }
    Instant jwtExpiry = Jwt.expiry(token).orElse(null);
    // An exp already past by this clock means the clocks disagree; trust expiresIn then.
    boolean usable = jwtExpiry != null && jwtExpiry.isAfter(now);
    if (usable && (expiry == null || jwtExpiry.isBefore(expiry))) {
      expiry = jwtExpiry;
    }
    // CachingTokenProvider renews a token that lives less than twice the skew at half its life.
    return new IssuedToken(token, expiry, refreshToken);
  }

  @Override
  public String toString() {
    return "LoginTokenProvider[email="
        + Redaction.REDACTED
        + ", password="
        + Redaction.REDACTED
        + ", token="
        + Redaction.REDACTED
        + "]";
  }
}
