package dev.jobsdk.deepcurrent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jobsdk.core.Progress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Copies and conversions shared by the model records. */
final class Models {
  private Models() {}

  static List<JsonNode> copyNodes(List<JsonNode> nodes) {
    if (nodes == null || nodes.isEmpty()) {
      return List.of();
    }
    List<JsonNode> out = new ArrayList<>(nodes.size());
    for (JsonNode n : nodes) {
      out.add(Objects.requireNonNull(n, "list element").deepCopy());
    }
    return Collections.unmodifiableList(out);
  }

  static JsonNode copy(JsonNode node, String name) {
    return Objects.requireNonNull(node, name).deepCopy();
  }

  static Optional<JsonNode> copy(Optional<JsonNode> node, String name) {
    return Objects.requireNonNull(node, name).map(JsonNode::deepCopy);
  }

  /** A copy of a node that may be absent (null), as an Optional. */
  static Optional<JsonNode> copyOfNullable(JsonNode node) {
    return node == null ? Optional.empty() : Optional.of(node.deepCopy());
  }

  static Progress progress(Integer percent, String message, Map<String, String> stages) {
    Integer clamped = percent == null ? null : Math.max(0, Math.min(100, percent));
    return Progress.of(clamped, message, stages);
  }
}
