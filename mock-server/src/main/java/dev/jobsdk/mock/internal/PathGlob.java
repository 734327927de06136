package dev.jobsdk.mock.internal;

import java.util.ArrayList;
import java.util.List;

/** A path pattern where {@code *} matches one segment and {@code **} any number of segments. */
public final class PathGlob {

  private final String glob;
  private final String[] segments;

  private PathGlob(String glob, String[] segments) {
    this.glob = glob;
    this.segments = segments;
  }

  /**
   * @param glob a pattern starting with {@code /}
   * @return the compiled pattern
   */
  public static PathGlob compile(String glob) {
    return new PathGlob(glob, split(glob));
  }

  /**
   * Splits a path into its segments (the leading {@code /} gives no empty segment; a trailing one
   * gives an empty last segment).
   *
   * @param path a path starting with {@code /}
   * @return the segments
   */
  public static String[] split(String path) {
    List<String> parts = new ArrayList<>(8);
    int from = path.startsWith("/") ? 1 : 0;
    if (from == path.length()) {
      return new String[0];
    }
    while (true) {
      int slash = path.indexOf('/', from);
      if (slash < 0) {
        parts.add(path.substring(from));
        return parts.toArray(new String[0]);
      }
      parts.add(path.substring(from, slash));
      from = slash + 1;
    }
  }

  /**
   * @param path a request path without query
   * @return whether the path matches
   */
  public boolean matches(String path) {
    return matches(split(path), 0, 0);
  }

  /**
   * @param pathSegments a request path already split by {@link #split(String)}
   * @return whether the path matches
   */
  public boolean matches(String[] pathSegments) {
    return matches(pathSegments, 0, 0);
  }

  private boolean matches(String[] path, int p, int g) {
    while (g < segments.length) {
      String pattern = segments[g];
      if ("**".equals(pattern)) {
        for (int skip = p; skip <= path.length; skip++) {
          if (matches(path, skip, g + 1)) {
            return true;
          }
        }
        return false;
      }
      if (p >= path.length || !("*".equals(pattern) || pattern.equals(path[p]))) {
        return false;
      }
      p++;
      g++;
    }
    return p == path.length;
  }

  @Override
  public String toString() {
    return glob;
  }
}
