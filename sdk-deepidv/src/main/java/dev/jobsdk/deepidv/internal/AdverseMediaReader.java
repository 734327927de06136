package dev.jobsdk.deepidv.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.deepidv.AdverseMediaResult;
import dev.jobsdk.deepidv.AdverseMediaResult.Article;
import dev.jobsdk.deepidv.AdverseMediaResult.CategoryExposure;
import dev.jobsdk.deepidv.AdverseMediaResult.ExposuresByCategory;
import dev.jobsdk.deepidv.AdverseMediaResult.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an adverse-media {@code result} into {@link AdverseMediaResult}: the documented fields
 * typed, absent numbers 0, absent strings empty. A field of the wrong kind is an {@link
 * IllegalArgumentException} naming it (never its value: results hold personal data).
 */
public final class AdverseMediaReader {
  private AdverseMediaReader() {}

  /**
   * Reads a result.
   *
   * @param node the {@code result} object
   * @return the typed result
   * @throws IllegalArgumentException if it or a field is not of the documented kind
   */
  public static AdverseMediaResult read(JsonNode node) {
    object(node, "result");
    return new AdverseMediaResult(
        integer(node, "totalHits"),
        null,
        text(node, "riskLevel"),
        integer(node, "riskScore"),
        text(node, "summary"),
        list(node, "findings", AdverseMediaReader::finding),
        exposures(node.get("exposuresByCategory")));
  }

  private static Finding finding(JsonNode n) {
    object(n, "findings[]");
    return new Finding(
        text(n, "findingId"),
        null,
        text(n, "severity"),
        text(n, "category"),
        text(n, "title"),
        text(n, "detail"),
        Optional.ofNullable(text(n, "sourceUrl")),
        Optional.ofNullable(text(n, "sourceName")),
        Optional.ofNullable(text(n, "articleDate")),
        decimal(n, "confidence"),
        list(n, "confirmedBy", c -> c.isValueNode() ? c.asText() : c.toString()));
  }

  private static ExposuresByCategory exposures(JsonNode n) {
    Map<String, CategoryExposure> all = new LinkedHashMap<>();
    if (n != null && !n.isNull()) {
      object(n, "exposuresByCategory");
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        JsonNode c = e.getValue();
        if (c == null || c.isNull()) {
          continue;
        }
        object(c, "exposuresByCategory." + e.getKey());
        all.put(
            e.getKey(),
            new CategoryExposure(integer(c, "hits"), list(c, "articles", AdverseMediaReader::article)));
      }
    }
    return ExposuresByCategory.of(all);
  }

  private static Article article(JsonNode n) {
    object(n, "articles[]");
    return new Article(
        Optional.ofNullable(text(n, "timestamp")),
        text(n, "headline"),
        Optional.ofNullable(text(n, "sourceLink")),
        null,
        text(n, "source"));
  }

  private static void object(JsonNode n, String name) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(name + " is not a JSON object");
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new IllegalArgumentException(field + " is not a string");
    }
    return v.asText();
  }

  private static int integer(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return 0;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.intValue();
    }
    if (v.isTextual()) {
      try {
        return Integer.parseInt(v.asText().strip());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(field + " is not an integer");
  }

  private static double decimal(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return 0;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.asText().strip());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(field + " is not a number");
  }

  private static <T> List<T> list(
      JsonNode n, String field, java.util.function.Function<JsonNode, T> item) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(field + " is not an array");
    }
    List<T> out = new ArrayList<>(v.size());
    for (JsonNode e : v) {
      out.add(item.apply(e));
    }
    return out;
  }
}
