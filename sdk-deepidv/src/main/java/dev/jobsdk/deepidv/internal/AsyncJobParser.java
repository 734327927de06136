package dev.jobsdk.deepidv.internal;

import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.core.internal.JsonValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.InvalidResponseException;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.deepidv.AsyncJob;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code GET /v1/async-jobs/{jobId}} into the {@link AsyncJob} variant its status
 * names. Error messages name fields, never their values (results hold personal data).
 */
public final class AsyncJobParser {
  /** Epoch values below this are seconds, at or above it milliseconds (10^12 ms is 2001-09-09). */
  static final long MILLIS_THRESHOLD = 1_000_000_000_000L;

  private static final Pattern EPOCH = Pattern.compile("-?\\d+(\\.\\d+)?");

  private AsyncJobParser() {}

  /**
   * Reads a job.
   *
   * @param body the response body
   * @param resultType what a ready job's result is read as
   * @param where the request, for error messages, such as {@code GET /v1/async-jobs/42}
   * @param <R> the result type
   * @return the job, whose {@link AsyncJob#rawJson()} is a copy of {@code body}
   * @throws InvalidResponseException if a required field is missing or unreadable, or the result
   *     cannot be read as {@code resultType}
   */
  public static <R> AsyncJob<R> parse(JsonNode body, Class<R> resultType, String where) {
    return parse(body, null, resultType, where);
  }

  /**
   * Reads a job and keeps the exact text it was read from.
   *
   * @param body the response body
   * @param text the body exactly as sent, or null to write {@code body} as JSON
   * @param resultType what a ready job's result is read as
   * @param where the request, for error messages
   * @param <R> the result type
   * @return the job
   */
  public static <R> AsyncJob<R> parse(
      JsonNode body, String text, Class<R> resultType, String where) {
    if (body == null || !body.isObject()) {
      throw invalid(where, "a body that is not a JSON object", null);
    }
    String jobId = requiredText(body, "jobId", where);
    String status = requiredText(body, "status", where);
    Instant createdAt = instant(body.get("createdAt"), "createdAt", where);
    Instant updatedAt = instant(body.get("updatedAt"), "updatedAt", where);
    // Every variant keeps the whole body for rawJson(); their constructors take a deep copy, so the
    // job shares no tree with the caller's body or with its own typed result.
    Optional<String> raw = Optional.of(text != null ? text : body.toString());
    switch (Statuses.state(status)) {
      case PENDING:
        return new AsyncJob.Pending<>(jobId, status, createdAt, updatedAt, raw);
      case RUNNING:
        return new AsyncJob.Processing<>(jobId, status, createdAt, updatedAt, raw);
      case SUCCEEDED:
        return new AsyncJob.Ready<>(
            jobId,
            status,
            createdAt,
            updatedAt,
            result(body.get("result"), resultType, where),
            raw);
      case FAILED:
        return new AsyncJob.Failed<>(
            jobId, status, createdAt, updatedAt, error(body.get("error")), raw);
      default:
        return new AsyncJob.Unknown<>(
            jobId, status, createdAt, updatedAt, JsonValues.fromNode(body), raw);
    }
  }

  /**
   * Reads a timestamp: epoch seconds or milliseconds as a number (or a string of one; values below
   * 10^12 are seconds, fractions allowed), or an ISO 8601 date-time (a time without an offset is
   * taken as UTC).
   *
   * @param node the value
   * @param field its name, for the error message
   * @param where the request, for the error message
   * @return the instant
   * @throws InvalidResponseException if it is missing or unreadable
   */
  static Instant instant(JsonNode node, String field, String where) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw invalid(where, "no " + field, null);
    }
    try {
      if (node.isNumber()) {
        return epoch(node.decimalValue());
      }
      if (node.isTextual()) {
        String s = node.asText().strip();
        if (EPOCH.matcher(s).matches()) {
          return epoch(new BigDecimal(s));
        }
        return iso(s);
      }
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      throw invalid(where, "an unreadable " + field, e);
    }
    throw invalid(where, "an unreadable " + field, null);
  }

  private static Instant epoch(BigDecimal value) {
    BigDecimal millis =
        value.abs().compareTo(BigDecimal.valueOf(MILLIS_THRESHOLD)) < 0
            ? value.movePointRight(3)
            : value;
    BigDecimal nanos = millis.movePointRight(6);
    BigDecimal[] secondsAndNanos = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
    return Instant.ofEpochSecond(
        secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue());
  }

  private static Instant iso(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException notOffset) {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
  }

  private static <R> R result(JsonNode node, Class<R> type, String where) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw invalid(where, "a ready job without a result", null);
    }
    try {
      R value =
          type == AdverseMediaResult.class
              ? type.cast(AdverseMediaReader.read(node))
              : Json.MAPPER.treeToValue(node, type);
      if (value == null) {
        throw invalid(where, "a result that reads as null for " + type.getName(), null);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw invalid(
          where,
          "a result that cannot be read as " + type.getName() + ": " + e.getOriginalMessage(),
          e);
    } catch (IllegalArgumentException e) {
      throw invalid(where, "a result that cannot be read as " + type.getName(), e);
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

  private static String requiredText(JsonNode body, String field, String where) {
    JsonNode node = body.get(field);
    if (node == null || !node.isValueNode() || node.isNull() || node.asText().isBlank()) {
      throw invalid(where, "no " + field, null);
    }
    return node.asText();
  }

  private static InvalidResponseException invalid(String where, String what, Throwable cause) {
    return new InvalidResponseException(where + " returned " + what, cause);
  }
}
