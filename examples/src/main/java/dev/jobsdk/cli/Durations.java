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

  private static CommandLine.TypeConversionException invalid(String text) {
    return new CommandLine.TypeConversionException(
        "'" + text + "' is not a duration; use e.g. 250ms, 90s, 5m, 1h30m");
  }
}
