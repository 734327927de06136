package dev.jobsdk.core.internal;

import java.time.Duration;
import java.util.Locale;

/**
 * Argument validation with the parameter's name in every message. Bad input, null included, is an
 * {@link IllegalArgumentException}, thrown before any request is sent.
 */
public final class Checks {
  private Checks() {}

  /**
   * Rejects null.
   *
   * @param value the argument
   * @param name its name
   * @param <T> its type
   * @return the argument
   */
  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  /**
   * Rejects null, empty and whitespace-only strings.
   *
   * @param value the argument
   * @param name its name
   * @return the argument
   */
  public static String notBlank(String value, String name) {
    notNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /**
   * Rejects a null, zero or negative duration.
   *
   * @param value the argument
   * @param name its name
   * @return the argument
   */
  public static Duration positive(Duration value, String name) {
    notNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  /**
   * Rejects a null or negative duration.
   *
   * @param value the argument
   * @param name its name
   * @return the argument
   */
  public static Duration nonNegative(Duration value, String name) {
    notNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return value;
  }

  /**
   * Validates a value that becomes one URL path segment, such as a job id: it must not be blank
   * and must not contain {@code /}, {@code \}, {@code ..}, control characters, or percent-escapes
   * that decode to any of them.
   *
   * @param value the argument
   * @param name its name
   * @return the argument, unchanged (it is percent-encoded when the URL is built)
   */
  public static String pathSegment(String value, String name) {
    notBlank(value, name);
    String decoded = percentDecode(value, name);
    for (String candidate : new String[] {value, decoded}) {
      for (int i = 0; i < candidate.length(); i++) {
        char c = candidate.charAt(i);
        if (c == '/' || c == '\\') {
          throw new IllegalArgumentException(name + " must not contain '/' or '\\'");
        }
        if (Character.isISOControl(c)) {
          throw new IllegalArgumentException(name + " must not contain control characters");
        }
      }
      if (candidate.contains("..") || candidate.equals(".")) {
        throw new IllegalArgumentException(name + " must not be or contain '.' segments ('..')");
      }
    }
    if (!value.equals(value.strip())) {
      throw new IllegalArgumentException(name + " must not start or end with whitespace");
    }
    return value;
  }

  private static String percentDecode(String value, String name) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && isHex(value, i + 1) && isHex(value, i + 2)) {
        sb.append((char) Integer.parseInt(value.substring(i + 1, i + 3).toLowerCase(Locale.ROOT), 16));
        i += 2;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }
}
