package dev.jobsdk.core.internal;

/**
 * The one gate for server-supplied text on its way into an exception message or a log line: cut
 * to a bound and stripped of control characters, so a hostile or broken server can neither flood
 * memory and logs nor forge log lines (CR/LF) or reorder a terminal's text (bidi controls). Every
 * method runs in one linear pass over at most a bounded prefix of its input.
 */
public final class Untrusted {
  /** Longest server-supplied text kept in an exception message, in characters. */
  public static final int MESSAGE_CHARS = 500;

  /** What marks a cut. */
  static final String ELLIPSIS = "…";

  private Untrusted() {}

  /**
   * Makes server-supplied text safe for a message or log: line breaks and tabs become spaces, runs
   * of whitespace collapse to one, other control and invisible format characters (such as bidi
   * overrides) are dropped, and the result is cut to {@code max} characters (never inside a
   * surrogate pair) with an ellipsis marking the cut.
   *
   * @param s the text, possibly null
   * @param max the most characters kept (before the ellipsis)
   * @return the safe text, or null for null
   */
  public static String text(String s, int max) {
    if (s == null) {
      return null;
    }
    int limit = Math.max(0, max);
    StringBuilder sb = new StringBuilder(Math.min(s.length(), limit) + 1);
    boolean space = false;
    int i = 0;
    int n = s.length();
    while (i < n) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = sb.length() > 0;
        continue;
      }
      if (Character.isISOControl(cp) || isInvisibleFormat(cp)) {
        continue;
      }
      int needed = (space ? 1 : 0) + Character.charCount(cp);
      if (sb.length() + needed > limit) {
        return sb.append(ELLIPSIS).toString();
      }
      if (space) {
        sb.append(' ');
        space = false;
      }
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  /**
   * Shorthand for {@link #text(String, int)} with {@link #MESSAGE_CHARS}.
   *
   * @param s the text, possibly null
   * @return the safe text, or null for null
   */
  public static String text(String s) {
    return text(s, MESSAGE_CHARS);
  }

  /**
   * Cuts text to {@code max} characters without touching its content otherwise (for a body kept
   * verbatim on an exception), never inside a surrogate pair.
   *
   * @param s the text, possibly null
   * @param max the most characters kept
   * @return the text or its prefix with an ellipsis, or null for null
   */
  public static String cut(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = Math.max(0, max);
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + ELLIPSIS;
  }

  private static boolean isInvisibleFormat(int cp) {
    // Unicode "Cf": bidi embeddings/overrides/isolates, zero-width joiners, BOM and the like.
    return Character.getType(cp) == Character.FORMAT;
  }
}
