package dev.jobsdk.deepidv.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.core.internal.JsonValues;
import dev.jobsdk.core.internal.Timestamps;
import dev.jobsdk.core.internal.Untrusted;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.AsyncJob;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the body of {@code GET /v1/async-jobs/{jobId}} into the {@link AsyncJob} variant its status
 * names, in one pass over the bytes with no JSON tree in between (a poll's answer is read thousands
 * of times a second by a busy client). Only a result, an error or an unknown variant's body become
 * trees. Error messages name fields, never their values (results hold personal data).
 */
public final class AsyncJobParser {
  /** Epoch values below this are seconds, at or above it milliseconds (10^12 ms is 2001-09-09). */
  static final long MILLIS_THRESHOLD = 1_000_000_000_000L;

  private AsyncJobParser() {}

  /**
   * Reads a job from the body exactly as sent, which becomes its {@link AsyncJob#rawJson()}.
   *
   * @param body the body's bytes
   * @param charset the charset the answer declared (UTF-8 when none)
   * @param resultType what a ready job's result is read as
   * @param where the request, for error messages; asked for only when there is an error
   * @param <R> the result type
   * @return the job
   * @throws InvalidResponseException if the body is not a JSON object, a required field is missing
   *     or unreadable, or the result cannot be read as {@code resultType}
   */
  public static <R> AsyncJob<R> parse(
      byte[] body, Charset charset, Class<R> resultType, Supplier<String> where) {
    String text = new String(body, charset);
    Fields f = new Fields();
    try (JsonParser p = utf(charset) ? Json.MAPPER.createParser(body) : Json.MAPPER.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw invalid(where.get(), "a body that is not a JSON object", null);
      }
      // Duplicate names: the last one counts, as in a JSON tree.
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "jobId" -> f.jobId = scalar(p, value);
          case "status" -> f.status = scalar(p, value);
          case "createdAt" -> f.created = Stamp.of(p, value);
          case "updatedAt" -> f.updated = Stamp.of(p, value);
          case "result" -> f.result = value == JsonToken.VALUE_NULL ? null : p.readValueAsTree();
          case "error" -> f.error = value == JsonToken.VALUE_NULL ? null : p.readValueAsTree();
          default -> p.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw invalid(
          where.get(),
          "a body that is not the expected JSON: " + Untrusted.text(e.getOriginalMessage(), 200),
          e);
    } catch (IOException e) {
      // Reading a byte array or a string does no I/O; only the JSON can be wrong.
      throw invalid(where.get(), "an unreadable body", e);
    }
    String jobId = required(f.jobId, "jobId", where);
    String status = required(f.status, "status", where);
    Instant createdAt = instant(f.created, "createdAt", where);
    Instant updatedAt = instant(f.updated, "updatedAt", where);
    Optional<String> raw = Optional.of(text);
    switch (Statuses.state(status)) {
      case PENDING:
        return new AsyncJob.Pending<>(jobId, status, createdAt, updatedAt, raw);
      case RUNNING:
        return new AsyncJob.Processing<>(jobId, status, createdAt, updatedAt, raw);
      case SUCCEEDED:
        return new AsyncJob.Ready<>(
            jobId, status, createdAt, updatedAt, result(f.result, resultType, where), raw);
      case FAILED:
        return new AsyncJob.Failed<>(jobId, status, createdAt, updatedAt, error(f.error), raw);
      default:
        return new AsyncJob.Unknown<>(
            jobId, status, createdAt, updatedAt, JsonValues.fromNode(tree(text, where)), raw);
    }
  }

  /** The fields a job is made of, as read; null where missing, null or unusable. */
  private static final class Fields {
    String jobId;
    String status;
    Stamp created;
    Stamp updated;
    JsonNode result;
    JsonNode error;
  }

  /**
   * A timestamp as sent: a number's or a string's text, or {@code text == null} for a value of
   * another kind (an object, an array, a boolean), which is unreadable.
   */
  private record Stamp(boolean number, String text) {
    static Stamp of(JsonParser p, JsonToken value) throws IOException {
      switch (value) {
        case VALUE_NULL:
          return null;
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return new Stamp(true, p.getText());
        case VALUE_STRING:
          return new Stamp(false, p.getText());
        default:
          p.skipChildren();
          return new Stamp(false, null);
      }
    }
  }

  /** A scalar's text (a string, a number or a boolean); null for null, objects and arrays. */
  private static String scalar(JsonParser p, JsonToken value) throws IOException {
    if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  private static boolean utf(Charset charset) {
    return charset == StandardCharsets.UTF_8 || charset == StandardCharsets.US_ASCII;
  }

  private static JsonNode tree(String text, Supplier<String> where) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw invalid(where.get(), "a body that is not the expected JSON", e);
    }
  }

  /**
   * Reads a timestamp: epoch seconds or milliseconds as a number (or a string of one; values below
   * 10^12 are seconds, fractions allowed), or an ISO 8601 date-time (a time without an offset is
   * taken as UTC).
   */
  private static Instant instant(Stamp stamp, String field, Supplier<String> where) {
    if (stamp == null) {
      throw invalid(where.get(), "no " + field, null);
    }
    String s = stamp.text();
    if (s == null) {
      throw invalid(where.get(), "an unreadable " + field, null);
    }
    try {
      if (!stamp.number()) {
        s = s.strip();
        if (!isEpochText(s)) {
          return Timestamps.iso(s);
        }
      }
      return epoch(s);
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      throw invalid(where.get(), "an unreadable " + field, e);
    }
  }

  /** Whether a string is an epoch number: {@code -?\d+(\.\d+)?}. */
  static boolean isEpochText(String s) {
    int i = s.startsWith("-") ? 1 : 0;
    int digits = 0;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (digits == 0) {
      return false;
    }
    if (i == s.length()) {
      return true;
    }
    if (s.charAt(i) != '.') {
      return false;
    }
    int fraction = 0;
    i++;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
      fraction++;
    }
    return fraction > 0 && i == s.length();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** An epoch number's text: whole numbers that fit a long take the fast way, others BigDecimal. */
  private static Instant epoch(String s) {
    if (s.length() <= 18 && s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0) {
      long v = Long.parseLong(s);
      return Math.abs(v) < MILLIS_THRESHOLD ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v);
    }
    return epoch(new BigDecimal(s));
  }

  private static Instant epoch(BigDecimal value) {
    // Only the order of magnitude is looked at before any arithmetic: a number such as 1e999999999
    // would otherwise make BigDecimal build a power of ten of a billion digits.
    int magnitude = value.precision() - value.scale();
    if (magnitude > 25) {
      throw new ArithmeticException("out of the range of an instant");
    }
    if (magnitude < -15) {
      return Instant.EPOCH; // under a nanosecond from it, in seconds or in milliseconds
    }
    BigDecimal millis =
        value.abs().compareTo(BigDecimal.valueOf(MILLIS_THRESHOLD)) < 0
            ? value.movePointRight(3)
            : value;
    BigDecimal nanos = millis.movePointRight(6);
    BigDecimal[] secondsAndNanos = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
    return Instant.ofEpochSecond(
        secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue());
  }

  private static <R> R result(JsonNode node, Class<R> type, Supplier<String> where) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw invalid(where.get(), "a ready job without a result", null);
    }
    try {
      R value =
          type == AdverseMediaResult.class
              ? type.cast(AdverseMediaReader.read(node))
              : Json.MAPPER.treeToValue(node, type);
      if (value == null) {
        throw invalid(where.get(), "a result that reads as null for " + type.getName(), null);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw invalid(
          where.get(),
          "a result that cannot be read as " + type.getName() + ": " + e.getOriginalMessage(),
          e);
    } catch (IllegalArgumentException e) {
      throw invalid(where.get(), "a result that cannot be read as " + type.getName(), e);
    }
  }

  private static String error(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "";
    }
    if (node.isObject() && node.hasNonNull("message") && node.get("message").isValueNode()) {
      return node.get("message").asText();
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private static String required(String value, String field, Supplier<String> where) {
    if (value == null || value.isBlank()) {
      throw invalid(where.get(), "no " + field, null);
    }
    return value;
  }

  private static InvalidResponseException invalid(String where, String what, Throwable cause) {
    return new InvalidResponseException(where + " returned " + what, cause);
  }
}
