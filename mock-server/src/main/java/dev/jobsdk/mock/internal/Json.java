package dev.jobsdk.mock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.mock.internal.web.HttpResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** JSON trees, bytes and the timestamp formats the vendors use. */
public final class Json {

  /** The shared mapper (thread-safe once configured). */
  public static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String JSON = "application/json";

  private Json() {
  }

  /** @return a new empty object */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** @return a new empty array */
  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /**
   * @param values strings
   * @return an array of them
   */
  public static ArrayNode array(Iterable<String> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  /**
   * @param node a tree
   * @return its UTF-8 JSON bytes
   */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param status the status code
   * @param node the body
   * @return a JSON response
   */
  public static HttpResponse response(int status, JsonNode node) {
    return HttpResponse.of(status, JSON, bytes(node));
  }

  /**
   * Parses a request body.
   *
   * @param body the bytes
   * @return the tree, or {@code null} when the body is empty or not JSON
   */
  public static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * ISO-8601 with as many fraction digits as needed (none for whole seconds), as DeepCurrent shows
   * {@code 2026-04-08T12:00:00Z}.
   *
   * @param instant the instant
   * @return the text
   */
  public static String iso(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * ISO-8601 with exactly three fraction digits, as JavaScript's {@code toISOString()} prints:
   * {@code 2026-06-05T12:00:00.000Z}.
   *
   * @param instant the instant
   * @return the text
   */
  public static String isoMillis(Instant instant) {
    return MILLIS.format(instant);
  }

  /**
   * Puts a string, or JSON {@code null} when it is {@code null}.
   *
   * @param node the object
   * @param field the field name
   * @param value the value or {@code null}
   */
  public static void putNullable(ObjectNode node, String field, String value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  /**
   * @param node a node or {@code null}
   * @param field a field name
   * @return the field's text when it is a string, else {@code null}
   */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }
}
