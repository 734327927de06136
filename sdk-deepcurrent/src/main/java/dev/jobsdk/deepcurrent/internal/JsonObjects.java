package dev.jobsdk.deepcurrent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.core.internal.Checks;
import dev.jobsdk.core.JsonValue;
import dev.jobsdk.core.internal.Json;
import dev.jobsdk.core.internal.JsonValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts caller-supplied and server-sent JSON objects to private, immutable-by-copy trees. */
public final class JsonObjects {
  private JsonObjects() {}

  /**
   * Returns a private copy of a caller's JSON object, given as a {@link Map} or a {@link JsonNode}.
   *
   * @param value a map (keys are JSON field names) or an object node
   * @param name the parameter's name, for the error message
   * @return a deep copy as an object node
   * @throws IllegalArgumentException if value is null, not an object, or cannot be written as JSON
   */
  public static ObjectNode object(Object value, String name) {
    Checks.notNull(value, name);
    JsonNode node;
    if (value instanceof JsonValue v) {
      node = JsonValues.toNode(v);
    } else if (value instanceof JsonNode n) {
      node = n.deepCopy();
    } else if (value instanceof Map<?, ?> map) {
      try {
        node = Json.MAPPER.valueToTree(map);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " cannot be written as JSON: " + e.getMessage(), e);
      }
    } else {
      throw new IllegalArgumentException(name + " must be a Map or a JsonValue");
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(name + " must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /**
   * Returns a copy of a server-sent object, or an empty object for a missing or null one.
   *
   * @param node the node, possibly null
   * @return a deep copy, never null
   */
  public static JsonNode orEmpty(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode()
        ? Json.MAPPER.createObjectNode()
        : node.deepCopy();
  }

  /**
   * Returns an immutable copy of a server-sent array's items.
   *
   * @param items the items, possibly null
   * @return an immutable list of deep copies, empty for null
   */
  public static List<JsonNode> list(List<JsonNode> items) {
    if (items == null) {
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>(items.size());
    for (JsonNode n : items) {
      out.add(n == null ? Json.MAPPER.nullNode() : n.deepCopy());
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns a JSON object's fields as an ordered, unmodifiable string map: text values as they
   * are, other values as their JSON text.
   *
   * @param node an object node, possibly null
   * @return the map, empty when node is not an object
   */
  public static Map<String, String> stringMap(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    node.properties()
        .forEach(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    return Collections.unmodifiableMap(out);
  }
}
