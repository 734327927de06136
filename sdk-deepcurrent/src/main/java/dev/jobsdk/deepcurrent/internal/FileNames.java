package dev.jobsdk.deepcurrent.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns names a server or caller chose into bare file names that are legal on Linux, macOS and
 * Windows and stay inside a directory.
 */
public final class FileNames {
  /** Longest file name in bytes once UTF-8 encoded (ext4, APFS; NTFS allows 255 UTF-16 units). */
  static final int MAX_BYTES = 255;

  /** Windows device names, reserved with any extension ({@code NUL.txt}) and in any case. */
  private static final Set<String> WINDOWS_DEVICES =
      Set.of(
          "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "COM0", "COM1", "COM2", "COM3", "COM4",
          "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2",
          "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³");

  private FileNames() {}

  /**
   * Reduces a name to a safe bare file name: only the part after the last {@code /} or {@code \};
   * without control characters, invisible format characters (such as a right-to-left override that
   * disguises {@code exe}) or characters Windows forbids ({@code <>:"|?*}); without leading dots or
   * whitespace (no {@code ..}, no hidden files) and trailing dots or whitespace; a Windows device
   * name ({@code CON}, {@code nul.txt}, {@code COM1.csv}...) gets a leading {@code _}; and at most
   * 255 bytes in UTF-8, cut on a character boundary, keeping a short extension.
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
    StringBuilder sb = new StringBuilder(Math.min(s.length(), 4 * MAX_BYTES));
    for (int i = 0; i < s.length() && sb.length() < 4 * MAX_BYTES; ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isISOControl(cp)
          || Character.getType(cp) == Character.FORMAT
          || Character.getType(cp) == Character.SURROGATE
          || "<>:\"|?*".indexOf(cp) >= 0) {
        continue;
      }
      sb.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
    }
    s = trimDotsAndSpaces(sb.toString());
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (isWindowsDevice(s)) {
      s = "_" + s;
    }
    s = trimDotsAndSpaces(fitBytes(s, MAX_BYTES));
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /**
   * Returns the name with {@code " (n)"} before its extension, as browsers name a second download,
   * still within 255 bytes.
   *
   * @param safeName a name from {@link #sanitize(String)}
   * @param n the number, 1 or more
   * @return the numbered name
   */
  static String numbered(String safeName, int n) {
    String suffix = " (" + n + ")";
    int dot = extensionDot(safeName);
    String stem = dot < 0 ? safeName : safeName.substring(0, dot);
    String ext = dot < 0 ? "" : safeName.substring(dot);
    int room = MAX_BYTES - utf8Length(suffix + ext);
    return trimDotsAndSpaces(cutToBytes(stem, room)) + suffix + ext;
  }

  /**
   * Returns whether a name is a Windows device name, with or without an extension.
   *
   * @param name the name
   * @return true for {@code CON}, {@code nul.txt}, {@code Com1.tar.gz} and the like
   */
  static boolean isWindowsDevice(String name) {
    int dot = name.indexOf('.');
    String stem = (dot < 0 ? name : name.substring(0, dot)).stripTrailing();
    return WINDOWS_DEVICES.contains(stem.toUpperCase(Locale.ROOT));
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

  /** Cuts a name to a byte budget, keeping an extension of up to 16 bytes when there is room. */
  private static String fitBytes(String s, int maxBytes) {
    if (utf8Length(s) <= maxBytes) {
      return s;
    }
    int dot = extensionDot(s);
    if (dot > 0 && utf8Length(s.substring(dot)) <= 16) {
      String ext = s.substring(dot);
      return cutToBytes(s.substring(0, dot), maxBytes - utf8Length(ext)) + ext;
    }
    return cutToBytes(s, maxBytes);
  }

  private static int extensionDot(String s) {
    int dot = s.lastIndexOf('.');
    return dot > 0 && dot < s.length() - 1 ? dot : -1;
  }

  /** The longest prefix of whole code points whose UTF-8 encoding fits in maxBytes. */
  static String cutToBytes(String s, int maxBytes) {
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + len > maxBytes) {
        break;
      }
      bytes += len;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }

  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static String trimDotsAndSpaces(String s) {
    int start = 0;
    while (start < s.length() && (s.charAt(start) == '.' || s.charAt(start) == ' ')) {
      start++;
    }
    int end = s.length();
    while (end > start && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ' ')) {
      end--;
    }
    return s.substring(start, end);
  }
}
