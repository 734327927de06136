package dev.jobsdk.core.internal;

import java.time.Instant;

/**
 * A token a login endpoint issued. {@code toString()} hides both secrets.
 *
 * @param value the access token
 * @param expiresAt when it expires, or null if unknown
 * @param refreshToken a refresh token, or null
 */
public record IssuedToken(String value, Instant expiresAt, String refreshToken) {
  @Override
  public String toString() {
    return "IssuedToken[value="
        + Redaction.REDACTED
        + ", expiresAt="
        + expiresAt
        + ", refreshToken="
        + (refreshToken == null ? "none" : Redaction.REDACTED)
        + "]";
  }
}
