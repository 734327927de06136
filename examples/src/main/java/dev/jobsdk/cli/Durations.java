package dev.jobsdk.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses durations written the way people type them: {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 250ms}. */
final class Durations implements CommandLine.ITypeConverter<Duration> {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  /** A duration as {@link Duration#toString()} writes it, e.g. {@code PT1.031168211S}, {@code PT2H30M}. */
  private static final Pattern ISO = Pattern.compile("PT(?=-?\\d)(?:-?\\d+H)?(?:-?\\d+M)?(?:-?\\d+(?:\\.\\d+)?S)?");

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /**
   * Parses a duration: one or more number-unit pairs (units ms, s, m, h, d), or ISO-8601 such as
   * {@code PT5M}.
   *
   * @param text the text
   * @return a positive duration
   * @throws CommandLine.TypeConversionException if the text is not a positive duration
   */
  static Duration parse(String text) {
    String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    Duration total = Duration.ZERO;
    if (s.startsWith("pt") || s.startsWith("p")) {
      try {
        total = Duration.parse(s.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid(text);
      }
    } else {
      Matcher m = PART.matcher(s);
      int end = 0;
      while (m.find() && m.start() == end) {
        long n = Long.parseLong(m.group(1));
        total = total.plus(switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        });
        end = m.end();
      }
      if (end == 0 || end != s.length()) {
        throw invalid(text);
      }
    }
    if (total.isZero() || total.isNegative()) {
      throw new CommandLine.TypeConversionException("'" + text + "' must be a positive duration");
    }
    return total;
  }

  /**
   * Writes a duration the way people read it: {@code 250 ms}, {@code 1.0 s}, {@code 2m30s},
   * {@code 1h30m}.
   *
   * @param d the duration
   * @return the text
   */
  static String human(Duration d) {
    if (d.isNegative()) {
      return "-" + human(d.negated());
    }
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      return d.toMillis() + " ms";
    }
    if (d.compareTo(Duration.ofMinutes(1)) < 0) {
      return String.format(Locale.ROOT, "%.1f s", Math.floor(d.toMillis() / 100.0) / 10.0);
    }
    long s = d.getSeconds();
    if (s < 3600) {
      return s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
    }
    long minutes = (s % 3600) / 60;
    return s / 3600 + "h" + (minutes == 0 ? "" : minutes + "m");
  }

  /**
   * Rewrites every ISO-8601 duration in a message (as the SDK's exceptions write them, e.g.
   * {@code after PT1.031168211S}) the way people read it.
   *
   * @param message the message, may be null
   * @return the message with readable durations
   */
  static String humanize(String message) {
    if (message == null) {
      return null;
    }
    Matcher m = ISO.matcher(message);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String replacement;
      try {
        replacement = human(Duration.parse(m.group()));
      } catch (DateTimeParseException e) {
        replacement = m.group();
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    return m.appendTail(sb).toString();
  }

  private static CommandLine.TypeConversionException invalid(String text) {
    return new CommandLine.TypeConversionException(
        "'" + text + "' is not a duration; use e.g. 250ms, 90s, 5m, 1h30m");
  }
}
