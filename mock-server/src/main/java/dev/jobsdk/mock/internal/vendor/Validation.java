package dev.jobsdk.mock.internal.vendor;

import dev.jobsdk.mock.internal.web.HttpRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Checks every vendor shares. Each one is a single pass over at most a bounded prefix of its input, so
 * a hostile value of any length costs linear time at worst: no regular expression, no backtracking.
 */
public final class Validation {

  /** Longer email addresses are rejected without looking further (RFC 5321 allows 254). */
  public static final int MAX_EMAIL = 320;
  /** Longer credentials are rejected without a lookup. */
  public static final int MAX_CREDENTIAL = 8_192;

  private Validation() {
  }

  /**
   * Whether a string looks like an email address: one {@code @} with text before it, a dot after it
   * with text on both sides, no whitespace, at most {@link #MAX_EMAIL} characters. One pass.
   *
   * @param value the value, may be {@code null}
   * @return whether it is an acceptable email address
   */
  public static boolean isEmail(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_EMAIL) {
      return false;
    }
    int at = -1;
    int lastDot = -1;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        return false;
      }
      if (c == '@') {
        if (at >= 0) {
          return false;
        }
        at = i;
      } else if (c == '.' && at >= 0) {
        lastDot = i;
      }
    }
    return at > 0 && lastDot > at + 1 && lastDot < value.length() - 1;
  }

  /**
   * @param value a string
   * @return whether it is a UUID in its canonical 8-4-4-4-12 hex form
   */
  public static boolean isUuid(String value) {
    if (value == null || value.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = value.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
      } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * @param value a string
   * @return whether it is a calendar date written {@code YYYY-MM-DD}
   */
  public static boolean isDate(String value) {
    if (value == null || value.length() != 10) {
      return false;
    }
    try {
      LocalDate.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * Reads a bearer token from {@code Authorization} ({@code Bearer} in any case).
   *
   * @param request the request
   * @return the token, trimmed; {@code null} when the header is missing, of another scheme, empty, or
   *     longer than {@link #MAX_CREDENTIAL}
   */
  public static String bearerToken(HttpRequest request) {
    String header = request.header("Authorization");
    if (header == null || header.length() > MAX_CREDENTIAL + 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  /**
   * Reads a credential header such as {@code x-api-key}.
   *
   * @param request the request
   * @param name the header
   * @return the value, trimmed; {@code null} when missing, blank or longer than {@link #MAX_CREDENTIAL}
   */
  public static String credential(HttpRequest request, String name) {
    String value = request.header(name);
    if (value == null || value.length() > MAX_CREDENTIAL) {
      return null;
    }
    value = value.trim();
    return value.isEmpty() ? null : value;
  }

  /**
   * Cuts a client-chosen string for an error message: at most {@code max} characters, control
   * characters replaced by {@code ?}.
   *
   * @param value the value
   * @param max the longest result before the ellipsis
   * @return the printable, bounded value
   */
  public static String printable(String value, int max) {
    int n = Math.min(value.length(), max);
    StringBuilder out = new StringBuilder(n + 3);
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return value.length() > max ? out.append("...").toString() : out.toString();
  }
}
