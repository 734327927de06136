package dev.jobsdk.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jobsdk.core.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between {@link JsonValue}, Jackson trees and plain Java values: the one place the
 * public JSON type meets the JSON library.
 */
public final class JsonValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonValues() {}

  /**
   * Converts a Jackson tree; null and missing nodes become JSON null.
   *
   * @param node the tree, may be null
   * @return the value
   */
  public static JsonValue fromNode(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return JsonValue.nullValue();
    }
    if (node.isObject()) {
      Map<String, JsonValue> fields = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        fields.put(e.getKey(), fromNode(e.getValue()));
      }
      return new JsonValue.JsonObject(fields);
    }
    if (node.isArray()) {
      List<JsonValue> values = new ArrayList<>(node.size());
      for (JsonNode n : node) {
        values.add(fromNode(n));
      }
      return new JsonValue.JsonArray(values);
    }
    if (node.isBoolean()) {
      return new JsonValue.JsonBoolean(node.booleanValue());
    }
    if (node.isNumber()) {
      return new JsonValue.JsonNumber(node.decimalValue());
    }
    return new JsonValue.JsonString(node.asText());
  }

  /**
   * Converts a value to a Jackson tree (missing becomes null).
   *
   * @param value the value, may be null
   * @return the tree
   */
  public static JsonNode toNode(JsonValue value) {
    if (value == null || value.isNull() || value.isMissing()) {
      return NODES.nullNode();
    }
    if (value instanceof JsonValue.JsonObject o) {
      ObjectNode node = NODES.objectNode();
      o.fields().forEach((k, v) -> node.set(k, toNode(v)));
      return node;
    }
    if (value instanceof JsonValue.JsonArray a) {
      ArrayNode node = NODES.arrayNode();
      a.values().forEach(v -> node.add(toNode(v)));
      return node;
    }
    if (value instanceof JsonValue.JsonBoolean b) {
      return NODES.booleanNode(b.value());
    }
    if (value instanceof JsonValue.JsonNumber n) {
      BigDecimal d = n.value();
      if (d.scale() <= 0) {
        try {
          return NODES.numberNode(d.toBigIntegerExact());
        } catch (ArithmeticException e) {
          return NODES.numberNode(d);
        }
      }
      return NODES.numberNode(d);
    }
    return NODES.textNode(((JsonValue.JsonString) value).value());
  }

  /**
   * Converts plain Java values (see {@link JsonValue#of(Object)}).
   *
   * @param value the value
   * @return the JSON value
   */
  public static JsonValue fromJava(Object value) {
    if (value == null) {
      return JsonValue.nullValue();
    }
    if (value instanceof JsonValue v) {
      return v;
    }
    if (value instanceof JsonNode n) {
      return fromNode(n);
    }
    if (value instanceof Boolean b) {
      return new JsonValue.JsonBoolean(b);
    }
    if (value instanceof CharSequence s) {
      return new JsonValue.JsonString(s.toString());
    }
    if (value instanceof Number n) {
      return new JsonValue.JsonNumber(number(n));
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, JsonValue> fields = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException(
              "a JSON object's keys must be strings, not " + typeName(e.getKey()));
        }
        fields.put(key, fromJava(e.getValue()));
      }
      return new JsonValue.JsonObject(fields);
    }
    if (value instanceof Iterable<?> it) {
      List<JsonValue> values = new ArrayList<>();
      for (Object o : it) {
        values.add(fromJava(o));
      }
      return new JsonValue.JsonArray(values);
    }
    if (value instanceof Object[] arr) {
      List<JsonValue> values = new ArrayList<>(arr.length);
      for (Object o : arr) {
        values.add(fromJava(o));
      }
      return new JsonValue.JsonArray(values);
    }
    throw new IllegalArgumentException("cannot convert a " + typeName(value) + " to JSON");
  }

  private static BigDecimal number(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("a JSON number must be finite, was " + d);
      }
      return BigDecimal.valueOf(d);
    }
    return BigDecimal.valueOf(n.longValue());
  }

  private static String typeName(Object o) {
    return o == null ? "null" : o.getClass().getName();
  }

  /**
   * Converts to plain Java values (see {@link JsonValue#toJava()}).
   *
   * @param value the value
   * @return the Java value
   */
  public static Object toJava(JsonValue value) {
    if (value instanceof JsonValue.JsonObject o) {
      Map<String, Object> map = new LinkedHashMap<>();
      o.fields().forEach((k, v) -> map.put(k, toJava(v)));
      return Collections.unmodifiableMap(map);
    }
    if (value instanceof JsonValue.JsonArray a) {
      List<Object> list = new ArrayList<>(a.values().size());
      a.values().forEach(v -> list.add(toJava(v)));
      return Collections.unmodifiableList(list);
    }
    if (value instanceof JsonValue.JsonBoolean b) {
      return b.value();
    }
    if (value instanceof JsonValue.JsonNumber n) {
      return n.value();
    }
    if (value instanceof JsonValue.JsonString s) {
      return s.value();
    }
    return null;
  }

  /**
   * Writes compact JSON.
   *
   * @param value the value
   * @return the text
   */
  public static String write(JsonValue value) {
    try {
      return Json.MAPPER.writeValueAsString(toNode(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /**
   * Parses JSON text.
   *
   * @param json the text
   * @return the value
   * @throws IllegalArgumentException if it is not valid JSON
   */
  public static JsonValue parse(String json) {
    Checks.notNull(json, "json");
    try {
      JsonNode node = Json.MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("json is empty");
      }
      return fromNode(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("json is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * A Jackson module that reads and writes {@link JsonValue} as the JSON it stands for, so a
   * request body holding one, or a result read as one, needs nothing else.
   *
   * @return the module
   */
  public static SimpleModule module() {
    SimpleModule module = new SimpleModule("jobsdk-json-value");
    module.addSerializer(
        JsonValue.class,
        new JsonSerializer<JsonValue>() {
          @Override
          public void serialize(JsonValue value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeTree(toNode(value));
          }
        });
    module.addDeserializer(
        JsonValue.class,
        new JsonDeserializer<JsonValue>() {
          @Override
          public JsonValue deserialize(JsonParser p, DeserializationContext ctxt)
              throws IOException {
            return fromNode(p.readValueAsTree());
          }

          @Override
          public JsonValue getNullValue(DeserializationContext ctxt) {
            return JsonValue.nullValue();
          }
        });
    return module;
  }
}
