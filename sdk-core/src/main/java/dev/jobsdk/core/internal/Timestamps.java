package dev.jobsdk.core.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the ISO 8601 date-times the vendors send. The shape every vendor writes ({@code
 * 2026-06-05T12:00:00.000Z}, or with an offset such as {@code +02:00}, or with none) is read by
 * hand without the allocations of {@code DateTimeFormatter}, since a poll reads one or two per
 * answer; anything else goes to {@link OffsetDateTime#parse} and {@link LocalDateTime#parse}, so
 * the set of accepted texts and their meaning are exactly the JDK's.
 */
public final class Timestamps {
  private Timestamps() {}

  /**
   * Reads an ISO 8601 date-time; one without an offset is taken as UTC.
   *
   * @param s the text, already stripped
   * @return the instant
   * @throws DateTimeParseException if it is neither an offset nor a local date-time
   */
  public static Instant iso(String s) {
    Instant fast = fast(s);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException notOffset) {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z|±HH:MM]} with valid values, or null for anything else
   * (which the JDK's parsers then read or refuse).
   */
  static Instant fast(String s) {
    int n = s.length();
    if (n < 19
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    if (day > 28 && day > Month.of(month).length(Year.isLeap(year))) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      int count = i - start;
      if (count < 1 || count > 9) {
        return null;
      }
      nanos = digits(s, start, count);
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == n) {
      offsetSeconds = 0;
    } else if (s.charAt(i) == 'Z' && i + 1 == n) {
      offsetSeconds = 0;
    } else if ((s.charAt(i) == '+' || s.charAt(i) == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || oh > 17 || om < 0 || om > 59) {
        return null;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1 if any is not a digit. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
