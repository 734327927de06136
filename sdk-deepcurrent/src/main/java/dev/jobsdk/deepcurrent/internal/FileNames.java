package dev.jobsdk.deepcurrent.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Turns names a server or caller chose into bare file names that stay inside a directory. */
public final class FileNames {
  /** Longest file name most file systems accept, in characters. */
  static final int MAX_LENGTH = 255;

  private FileNames() {}

  /**
   * Reduces a name to a safe bare file name: only the part after the last {@code /} or {@code \},
   * without control characters or characters Windows forbids ({@code <>:"|?*}), without leading
   * dots or whitespace (no {@code ..}, no hidden files), without trailing dots or whitespace, at
   * most 255 characters.
   *
   * @param name a name, possibly hostile, possibly null
   * @return the safe name, or empty if nothing usable is left
   */
  public static Optional<String> sanitize(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String s = name;
    int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
    if (cut >= 0) {
      s = s.substring(cut + 1);
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || "<>:\"|?*".indexOf(c) >= 0) {
        continue;
      }
      sb.append(c);
    }
    s = sb.toString();
    int start = 0;
    while (start < s.length() && (s.charAt(start) == '.' || Character.isWhitespace(s.charAt(start)))) {
      start++;
    }
    int end = s.length();
    while (end > start && (s.charAt(end - 1) == '.' || Character.isWhitespace(s.charAt(end - 1)))) {
      end--;
    }
    s = s.substring(start, end);
    if (s.length() > MAX_LENGTH) {
      s = s.substring(0, MAX_LENGTH);
    }
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /**
   * Resolves a sanitised name inside a directory and checks that the result is a direct child of
   * it, whatever the platform's path rules.
   *
   * @param dir the directory
   * @param safeName a name from {@link #sanitize(String)}
   * @return the file path
   * @throws IllegalArgumentException if the name would leave the directory
   */
  public static Path inside(Path dir, String safeName) {
    Path base = dir.toAbsolutePath().normalize();
    Path file;
    try {
      file = base.resolve(safeName).normalize();
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("file name is not valid on this platform: " + safeName, e);
    }
    if (!base.equals(file.getParent())) {
      throw new IllegalArgumentException("file name would leave the target directory: " + safeName);
    }
    return file;
  }
}
