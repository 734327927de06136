package dev.jobsdk.core.internal;

import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;

/** Hides credentials wherever headers or secrets could be printed. */
public final class Redaction {
  /** What stands in for a hidden value. */
  public static final String REDACTED = "██";

  private static final Set<String> SENSITIVE =
      Set.of(
          "authorization",
          "proxy-authorization",
          "x-api-key",
          "api-key",
          "cookie",
          "set-cookie");

  private Redaction() {}

  /**
   * Returns whether a header carries a credential.
   *
   * @param name the header name
   * @return true for Authorization, x-api-key (any case), cookies and the like
   */
  public static boolean isSensitive(String name) {
    return SENSITIVE.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Renders headers for a log line with every credential replaced.
   *
   * @param headers the headers
   * @return one {@code name: value} per line
   */
  public static String headers(Headers headers) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      sb.append(name).append(": ").append(isSensitive(name) ? REDACTED : headers.value(i));
      if (i < headers.size() - 1) {
        sb.append(", ");
      }
    }
    return sb.toString();
  }
}
