package dev.jobsdk.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.ApiException;
import dev.jobsdk.core.AuthenticationException;
import dev.jobsdk.core.BadRequestException;
import dev.jobsdk.core.ConflictException;
import dev.jobsdk.core.ErrorDetails;
import dev.jobsdk.core.NotFoundException;
import dev.jobsdk.core.PaymentRequiredException;
import dev.jobsdk.core.PermissionDeniedException;
import dev.jobsdk.core.RateLimitException;
import dev.jobsdk.core.ServerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns an HTTP error answer into the matching {@link ApiException}: the one place that maps
 * status codes to exception types and reads every vendor's error envelope.
 */
public final class ErrorMapper {
  /** Longest error body kept on an exception, in characters. */
  static final int MAX_BODY_CHARS = 2_000;

  /** Longest message taken from a plain-text or HTML body, in characters. */
  static final int MAX_MESSAGE_CHARS = 300;

  /** Longest vendor error code kept, in characters. */
  static final int MAX_CODE_CHARS = 100;

  /** Longest request id kept, in characters. */
  static final int MAX_REQUEST_ID_CHARS = 128;

  private static final List<String> REQUEST_ID_HEADERS =
      List.of("X-Request-ID", "X-Request-Id", "Request-Id", "X-Amzn-RequestId", "X-Correlation-ID");

  private ErrorMapper() {}

  /** Reads a header by name; the transport passes OkHttp's headers through this. */
  @FunctionalInterface
  public interface HeaderSource {
    /**
     * Returns a header's value.
     *
     * @param name the header name, case-insensitive
     * @return the value, or null
     */
    String get(String name);
  }

  /**
   * Builds the exception for an error answer.
   *
   * @param status the HTTP status
   * @param method the request method
   * @param path the request path
   * @param headers the response headers
   * @param body the response body as text (possibly empty)
   * @param clock the clock an HTTP-date {@code Retry-After} is measured against
   * @return the exception to throw
   */
  public static ApiException map(
      int status, String method, String path, HeaderSource headers, String body, Clock clock) {
    String[] codeAndMessage = parseBody(body, headers.get("Content-Type"));
    String requestId = requestId(headers);
    ErrorDetails details =
        new ErrorDetails(
            status,
            method,
            path,
            codeAndMessage[0],
            codeAndMessage[1],
            requestId,
            parseRetryAfter(headers.get("Retry-After"), clock.instant()),
            Untrusted.cut(body, MAX_BODY_CHARS));
    switch (status) {
      case 400:
      case 422:
        return new BadRequestException(details);
      case 401:
        return new AuthenticationException(details);
      case 402:
        return new PaymentRequiredException(details);
      case 403:
        return new PermissionDeniedException(details);
      case 404:
        return new NotFoundException(details);
      case 409:
        return new ConflictException(details);
      case 429:
        return new RateLimitException(details);
      default:
        return status >= 500 && status <= 599
            ? new ServerException(details)
            : new ApiException(details);
    }
  }

  /**
   * Builds the exception for a redirect the client refused to follow because it leads to another
   * origin (see {@link SameOriginRedirects}). It is not retryable.
   *
   * @param status the 3xx status
   * @param method the request method
   * @param path the request path
   * @param headers the response headers
   * @param url the URL that was redirected
   * @return the exception to throw
   */
  public static ApiException redirectRefused(
      int status, String method, String path, HeaderSource headers, okhttp3.HttpUrl url) {
    String message = SameOriginRedirects.describeRefused(url, headers.get("Location"));
    return new ApiException(
        new ErrorDetails(status, method, path, null, message, requestId(headers), null, null));
  }

  /**
   * Parses a {@code Retry-After} value: delay-seconds or an HTTP-date.
   *
   * @param value the header value, or null
   * @param now the current time, for an HTTP-date
   * @return the delay (never negative), or null when absent or unreadable
   */
  public static Duration parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds <= 0 ? Duration.ZERO : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static String requestId(HeaderSource headers) {
    for (String h : REQUEST_ID_HEADERS) {
      String v = headers.get(h);
      if (v != null && !v.isBlank()) {
        return Untrusted.text(v, MAX_REQUEST_ID_CHARS);
      }
    }
    return null;
  }

  /**
   * Returns {code, message}, either possibly null, each cut and stripped of control characters.
   * Linear in the body's length: Jackson for JSON, and hand-written single-pass scans (no
   * backtracking regular expressions) for HTML and text.
   */
  static String[] parseBody(String body, String contentType) {
    String[] raw = parseRaw(body, contentType);
    return new String[] {
      Untrusted.text(raw[0], MAX_CODE_CHARS), Untrusted.text(raw[1], Untrusted.MESSAGE_CHARS)
    };
  }

  private static String[] parseRaw(String body, String contentType) {
    if (body == null || body.isBlank()) {
      return new String[] {null, null};
    }
    String trimmed = body.strip();
    char first = trimmed.charAt(0);
    if (first == '{' || first == '[' || first == '"') {
      try {
        JsonNode node = Json.MAPPER.readTree(trimmed);
        String[] parsed = node == null ? null : fromJson(node);
        if (parsed != null) {
          return parsed;
        }
      } catch (Exception notJson) {
        // fall through to text handling
      }
    }
    boolean html =
        (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html"))
            || first == '<';
    if (html) {
      String title = title(trimmed);
      String text = title != null ? stripTags(title) : stripTags(trimmed);
      return new String[] {null, Untrusted.text(text, MAX_MESSAGE_CHARS)};
    }
    return new String[] {null, Untrusted.text(trimmed, MAX_MESSAGE_CHARS)};
  }

  /** Returns the text of the first {@code <title>} element, or null; three linear searches. */
  static String title(String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    if (lower.length() != html.length()) {
      return null; // a rare case mapping changed lengths; fall back to the whole text
    }
    int open = lower.indexOf("<title");
    if (open < 0) {
      return null;
    }
    int contentStart = lower.indexOf('>', open);
    if (contentStart < 0) {
      return null;
    }
    int close = lower.indexOf("</title", contentStart);
    return close < 0 ? null : html.substring(contentStart + 1, close);
  }

  /**
   * Replaces each {@code <...>} tag with a space, in one pass: every character is looked at most
   * twice, however many unclosed {@code <} the text holds. A {@code <} with no {@code >} after it
   * is kept as text, as is everything after it. Stops once enough text for a message is collected.
   */
  static String stripTags(String html) {
    StringBuilder sb = new StringBuilder(Math.min(html.length(), 4 * MAX_MESSAGE_CHARS));
    int i = 0;
    int n = html.length();
    while (i < n && sb.length() < 4 * MAX_MESSAGE_CHARS) {
      char c = html.charAt(i);
      if (c == '<') {
        int close = html.indexOf('>', i + 1);
        if (close < 0) {
          // No tag closes from here on: the rest is text.
          sb.append(html, i, Math.min(n, i + 4 * MAX_MESSAGE_CHARS - sb.length()));
          break;
        }
        sb.append(' ');
        i = close + 1;
      } else {
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }

  private static String[] fromJson(JsonNode node) {
    if (node.isTextual()) {
      return new String[] {null, node.asText()};
    }
    if (!node.isObject()) {
      return null;
    }
    String code = text(node.get("code"));
    JsonNode detail = node.get("detail");
    if (detail != null && !detail.isNull()) {
      if (detail.isTextual()) {
        return new String[] {code, detail.asText()};
      }
      if (detail.isObject()) {
        String c = text(detail.get("code"));
        String m = text(detail.get("message"));
        return new String[] {c != null ? c : code, m != null ? m : compact(detail)};
      }
      if (detail.isArray()) {
        return new String[] {code, joinValidationErrors(detail)};
      }
    }
    JsonNode message = node.get("message");
    JsonNode error = node.get("error");
    String messageText = message != null && message.isArray() ? join(message) : text(message);
    if (node.has("statusCode")) {
      // NestJS envelope: {statusCode, error: "NOT_FOUND", message, timestamp, path, code?}
      return new String[] {code != null ? code : text(error), messageText};
    }
    if (messageText != null) {
      return new String[] {code != null ? code : text(error), messageText};
    }
    if (error != null) {
      if (error.isObject()) {
        return new String[] {text(error.get("code")), text(error.get("message"))};
      }
      return new String[] {code, text(error)};
    }
    return new String[] {code, null};
  }

  private static String joinValidationErrors(JsonNode array) {
    List<String> parts = new ArrayList<>();
    for (JsonNode item : array) {
      if (item.isObject()) {
        String msg = text(item.get("msg"));
        JsonNode loc = item.get("loc");
        String where = loc != null && loc.isArray() ? join(loc, ".") : null;
        parts.add(where != null ? where + ": " + msg : String.valueOf(msg));
      } else {
        parts.add(item.asText());
      }
    }
    return String.join("; ", parts);
  }

  private static String join(JsonNode array) {
    return join(array, "; ");
  }

  private static String join(JsonNode array, String separator) {
    List<String> parts = new ArrayList<>();
    array.forEach(n -> parts.add(n.asText()));
    return String.join(separator, parts);
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
  }

  private static String compact(JsonNode node) {
    String s = node.toString();
    return s.length() > MAX_BODY_CHARS ? s.substring(0, MAX_BODY_CHARS) : s;
  }
}
