package dev.jobsdk.core;

import dev.jobsdk.core.internal.JsonValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON value: jobsdk's own small type for the free-form parts of the vendors' APIs (a growth
 * run's preview, a Risk-tool job's input, an async job's result of a kind this SDK does not
 * model), so that no JSON library's type appears in the SDK's API. Documented shapes are typed
 * records; this type carries only what the vendors leave open.
 *
 * <p>It is a sealed union: {@link JsonNull}, {@link JsonBoolean}, {@link JsonNumber} (exact, as a
 * {@link BigDecimal}), {@link JsonString}, {@link JsonArray} and {@link JsonObject} (fields in the
 * server's order). Every value is immutable. Navigation never throws: {@link #path(String)} of an
 * absent field is {@link #missing()}, and the {@code as...} accessors are empty for another kind.
 *
 * <pre>{@code
 * JsonValue preview = run.preview();
 * long delivered = preview.path("delivered_counts").path("emails").asLong().orElse(0L);
 * Map<String, Object> plain = (Map<String, Object>) preview.toJava();
 * String json = preview.toJson();
 * }</pre>
 */
public sealed interface JsonValue
    permits JsonValue.JsonNull,
        JsonValue.JsonBoolean,
        JsonValue.JsonNumber,
        JsonValue.JsonString,
        JsonValue.JsonArray,
        JsonValue.JsonObject,
        JsonValue.JsonMissing {

  /**
   * Returns JSON {@code null}.
   *
   * @return the null value
   */
  static JsonValue nullValue() {
    return JsonNull.INSTANCE;
  }

  /**
   * Returns the value of an absent field or index: what {@link #path(String)} answers when there
   * is nothing there. It is not part of any JSON text; {@link #toJson()} writes it as {@code null}.
   *
   * @return the missing value
   */
  static JsonValue missing() {
    return JsonMissing.INSTANCE;
  }

  /**
   * Converts plain Java values: null, {@link Boolean}, {@link Number}, {@link CharSequence},
   * {@link Map} (with string keys), {@link Iterable} or array of these, and {@code JsonValue}
   * itself. Collections are copied.
   *
   * @param value the value
   * @return the JSON value
   * @throws IllegalArgumentException if a value is of another type, a map key is not a string, or
   *     a number is not finite
   */
  static JsonValue of(Object value) {
    return JsonValues.fromJava(value);
  }

  /**
   * Parses JSON text.
   *
   * @param json the text
   * @return the value
   * @throws IllegalArgumentException if it is not valid JSON
   */
  static JsonValue parse(String json) {
    return JsonValues.parse(json);
  }

  /**
   * Returns a field of an object.
   *
   * @param name the field name
   * @return the field's value, or {@link #missing()} if this is not an object or has no such field
   */
  default JsonValue path(String name) {
    return this instanceof JsonObject o ? o.fields().getOrDefault(name, missing()) : missing();
  }

  /**
   * Returns an element of an array.
   *
   * @param index the index
   * @return the element, or {@link #missing()} if this is not an array or the index is out of range
   */
  default JsonValue path(int index) {
    if (this instanceof JsonArray a && index >= 0 && index < a.values().size()) {
      return a.values().get(index);
    }
    return missing();
  }

  /**
   * Returns whether this is JSON {@code null}.
   *
   * @return true for {@link JsonNull}
   */
  default boolean isNull() {
    return this instanceof JsonNull;
  }

  /**
   * Returns whether this stands for an absent field or index.
   *
   * @return true for {@link #missing()}
   */
  default boolean isMissing() {
    return this instanceof JsonMissing;
  }

  /**
   * Returns the string, if this is one.
   *
   * @return the string, or empty
   */
  default Optional<String> asString() {
    return this instanceof JsonString s ? Optional.of(s.value()) : Optional.empty();
  }

  /**
   * Returns the boolean, if this is one.
   *
   * @return the boolean, or empty
   */
  default Optional<Boolean> asBoolean() {
    return this instanceof JsonBoolean b ? Optional.of(b.value()) : Optional.empty();
  }

  /**
   * Returns the number, if this is one.
   *
   * @return the exact number, or empty
   */
  default Optional<BigDecimal> asNumber() {
    return this instanceof JsonNumber n ? Optional.of(n.value()) : Optional.empty();
  }

  /**
   * Returns the number as a {@code long}, if this is an integral number that fits.
   *
   * @return the number, or empty
   */
  default Optional<Long> asLong() {
    if (this instanceof JsonNumber n) {
      try {
        return Optional.of(n.value().longValueExact());
      } catch (ArithmeticException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the number as a {@code double}, if this is a number.
   *
   * @return the number, or empty
   */
  default Optional<Double> asDouble() {
    return this instanceof JsonNumber n ? Optional.of(n.value().doubleValue()) : Optional.empty();
  }

  /**
   * Returns the elements, if this is an array.
   *
   * @return an unmodifiable list, or empty
   */
  default Optional<List<JsonValue>> asArray() {
    return this instanceof JsonArray a ? Optional.of(a.values()) : Optional.empty();
  }

  /**
   * Returns the fields in the server's order, if this is an object.
   *
   * @return an unmodifiable map, or empty
   */
  default Optional<Map<String, JsonValue>> asObject() {
    return this instanceof JsonObject o ? Optional.of(o.fields()) : Optional.empty();
  }

  /**
   * Converts to plain Java values: null (for JSON null and missing), {@link Boolean}, {@link
   * BigDecimal}, {@link String}, an unmodifiable {@link List} or an unmodifiable, ordered {@link
   * Map} of these.
   *
   * @return the Java value
   */
  default Object toJava() {
    return JsonValues.toJava(this);
  }

  /**
   * Returns the value as compact JSON text.
   *
   * @return the JSON
   */
  default String toJson() {
    return JsonValues.write(this);
  }

  /** JSON {@code null}. */
  record JsonNull() implements JsonValue {
    static final JsonNull INSTANCE = new JsonNull();

    @Override
    public String toString() {
      return "null";
    }
  }

  /** The value of an absent field or index (see {@link JsonValue#missing()}). */
  record JsonMissing() implements JsonValue {
    static final JsonMissing INSTANCE = new JsonMissing();

    @Override
    public String toString() {
      return "null";
    }
  }

  /**
   * A JSON boolean.
   *
   * @param value the value
   */
  record JsonBoolean(boolean value) implements JsonValue {
    @Override
    public String toString() {
      return toJson();
    }
  }

  /**
   * A JSON number, exactly as sent.
   *
   * @param value the value
   */
  record JsonNumber(BigDecimal value) implements JsonValue {
    /**
     * Checks the value.
     *
     * @param value the value
     */
    public JsonNumber {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return toJson();
    }
  }

  /**
   * A JSON string.
   *
   * @param value the value
   */
  record JsonString(String value) implements JsonValue {
    /**
     * Checks the value.
     *
     * @param value the value
     */
    public JsonString {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return toJson();
    }
  }

  /**
   * A JSON array.
   *
   * @param values the elements, copied
   */
  record JsonArray(List<JsonValue> values) implements JsonValue {
    /**
     * Copies the elements.
     *
     * @param values the elements; null elements become {@link JsonNull}
     */
    public JsonArray {
      List<JsonValue> copy = new ArrayList<>(values.size());
      for (JsonValue v : values) {
        copy.add(v == null ? JsonNull.INSTANCE : v);
      }
      values = Collections.unmodifiableList(copy);
    }

    @Override
    public String toString() {
      return toJson();
    }
  }

  /**
   * A JSON object.
   *
   * @param fields the fields in order, copied
   */
  record JsonObject(Map<String, JsonValue> fields) implements JsonValue {
    /**
     * Copies the fields, keeping their order.
     *
     * @param fields the fields; null values become {@link JsonNull}
     */
    public JsonObject {
      Map<String, JsonValue> copy = new LinkedHashMap<>();
      for (Map.Entry<String, JsonValue> e : fields.entrySet()) {
        copy.put(
            Objects.requireNonNull(e.getKey(), "field name"),
            e.getValue() == null ? JsonNull.INSTANCE : e.getValue());
      }
      fields = Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
      return toJson();
    }
  }
}
